export const load = (): Promise<unknown> => import('@azure/identity');
