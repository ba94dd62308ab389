export const load = (): Promise<unknown> => import('@azure/core-rest-pipeline');
