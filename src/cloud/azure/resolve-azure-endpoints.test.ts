import { describe, expect, it } from 'vitest';
import { isLoopbackHost, resolveAzureEndpoints } from './resolve-azure-endpoints.js';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['127.0.0.256', false],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['0.0.0.0', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('resolveAzureEndpoints', () => {
  it('keeps the SDK defaults when nothing is set', () => {
    expect(resolveAzureEndpoints({})).toEqual({});
  });

  it('uses the ARM endpoint for Log Analytics too, and marks loopback http as token-free', () => {
    const endpoints = resolveAzureEndpoints({ endpoint: 'http://127.0.0.1:4567/' });

    expect(endpoints).toEqual({
      arm: { url: 'http://127.0.0.1:4567', insecureLoopback: true },
      logs: { url: 'http://127.0.0.1:4567', insecureLoopback: true },
      metrics: { url: 'http://127.0.0.1:4567', insecureLoopback: true },
    });
  });

  it('accepts https anywhere, with its own Log Analytics endpoint', () => {
    const endpoints = resolveAzureEndpoints({
      endpoint: 'https://management.chinacloudapi.cn',
      logsEndpoint: 'https://api.loganalytics.azure.cn/v1',
    });

    expect(endpoints).toEqual({
      arm: { url: 'https://management.chinacloudapi.cn', insecureLoopback: false },
      logs: { url: 'https://api.loganalytics.azure.cn/v1', insecureLoopback: false },
      // The metrics data plane of another cloud is unknown: metrics go through ARM.
      metricsThroughArm: true,
    });
  });

  it.each([
    ['http on a remote host', { endpoint: 'http://management.example.com' }],
    ['http on a private address', { endpoint: 'http://10.1.2.3:8080' }],
    [
      'http Log Analytics on a remote host',
      { endpoint: 'https://management.azure.com', logsEndpoint: 'http://logs.example.com' },
    ],
    ['not a URL', { endpoint: 'management.azure.com' }],
    ['another scheme', { endpoint: 'ftp://127.0.0.1' }],
  ])('rejects %s with CONFIG_INVALID', (_case, settings) => {
    expect(() => resolveAzureEndpoints(settings)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('takes an explicit metrics batch endpoint for every region', () => {
    const endpoints = resolveAzureEndpoints({
      endpoint: 'https://management.chinacloudapi.cn',
      metricsEndpoint: 'https://chinanorth.metrics.monitor.azure.cn',
    });

    expect(endpoints.metrics).toEqual({
      url: 'https://chinanorth.metrics.monitor.azure.cn',
      insecureLoopback: false,
    });
    expect(endpoints.metricsThroughArm).toBeUndefined();
  });
});
