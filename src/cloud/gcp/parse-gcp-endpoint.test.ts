import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseGcpEndpoint } from './parse-gcp-endpoint.js';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['::ffff:7f00:1', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('parseGcpEndpoint', () => {
  it.each([
    [
      'http://127.0.0.1:8085',
      { origin: 'http://127.0.0.1:8085', protocol: 'http', host: '127.0.0.1', port: 8085, loopback: true },
    ],
    [
      'http://localhost:9000/',
      { origin: 'http://localhost:9000', protocol: 'http', host: 'localhost', port: 9000, loopback: true },
    ],
    [
      'http://[::1]:7000',
      { origin: 'http://[::1]:7000', protocol: 'http', host: '::1', port: 7000, loopback: true },
    ],
    [
      'http://127.0.0.1',
      { origin: 'http://127.0.0.1', protocol: 'http', host: '127.0.0.1', port: 80, loopback: true },
    ],
    [
      'https://private.googleapis.com',
      {
        origin: 'https://private.googleapis.com',
        protocol: 'https',
        host: 'private.googleapis.com',
        port: 443,
        loopback: false,
      },
    ],
  ])('accepts %s', (endpoint, expected) => {
    expect(parseGcpEndpoint(endpoint)).toEqual(expected);
  });

  it.each([undefined, '', '   '])('treats %j as no endpoint', (endpoint) => {
    expect(parseGcpEndpoint(endpoint)).toBeUndefined();
  });

  it.each([
    ['http://10.0.0.5:8085', 'plain http'],
    ['http://emulator.internal:8085', 'plain http'],
    ['http://127.0.0.1.nip.io:8085', 'plain http'],
    ['ftp://127.0.0.1', 'http(s)'],
    ['not a url', 'not a valid URL'],
    ['http://user:secret@127.0.0.1:1', 'credentials'],
    ['http://127.0.0.1:8085/v1', 'without path'],
  ])('rejects %s with CONFIG_INVALID', (endpoint, words) => {
    expect(() => parseGcpEndpoint(endpoint)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(words) as string }),
    );
  });
});
