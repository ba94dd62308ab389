import { describe, expect, it } from 'vitest';
import { classifySocketCode, findSocketCode } from './socket-error-code.js';

describe('findSocketCode', () => {
  it('returns the first Node.js system or TLS code among the candidates', () => {
    const cause = { code: 'ECONNREFUSED' };
    expect(findSocketCode([{ code: 'ERR_SOMETHING_ELSE_1' }, cause], { undici: false })).toBe('ECONNREFUSED');
    expect(findSocketCode([{ code: 'CERT_HAS_EXPIRED' }], { undici: false })).toBe('CERT_HAS_EXPIRED');
    expect(findSocketCode([{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }], { undici: false })).toBe(
      'ERR_TLS_CERT_ALTNAME_INVALID',
    );
  });

  it('skips service codes, numbers and empty codes', () => {
    expect(
      findSocketCode([{ code: 'AccessDenied' }, { code: 403 }, { code: '' }, undefined, 'ECONNRESET'], {
        undici: true,
      }),
    ).toBeUndefined();
  });

  it('accepts undici codes only when asked to', () => {
    const candidates = [{ code: 'UND_ERR_SOCKET' }, { code: 'ECONNRESET' }];
    expect(findSocketCode(candidates, { undici: true })).toBe('UND_ERR_SOCKET');
    expect(findSocketCode(candidates, { undici: false })).toBe('ECONNRESET');
  });
});

describe('classifySocketCode', () => {
  it.each([
    ['ECONNREFUSED', 'CLOUD_UNREACHABLE'],
    ['ENOTFOUND', 'CLOUD_UNREACHABLE'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'CLOUD_UNREACHABLE'],
    ['ETIMEDOUT', 'CLOUD_TIMEOUT'],
    ['UND_ERR_CONNECT_TIMEOUT', 'CLOUD_TIMEOUT'],
    ['ECONNRESET', 'CLOUD_UNAVAILABLE'],
    ['UND_ERR_SOCKET', 'CLOUD_UNAVAILABLE'],
    ['EACCES', undefined],
  ])('%s → %s', (code, expected) => {
    expect(classifySocketCode(code)).toBe(expected);
  });
});
