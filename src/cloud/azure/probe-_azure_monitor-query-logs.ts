export const load = (): Promise<unknown> => import('@azure/monitor-query-logs');
