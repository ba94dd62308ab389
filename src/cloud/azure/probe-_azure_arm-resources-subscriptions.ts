export const load = (): Promise<unknown> => import('@azure/arm-resources-subscriptions');
