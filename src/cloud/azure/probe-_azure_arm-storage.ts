export const load = (): Promise<unknown> => import('@azure/arm-storage');
