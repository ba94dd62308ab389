import { describe, expect, it } from 'vitest';
import { parseSigV4Scope } from './parse-sigv4-scope.js';

describe('parseSigV4Scope', () => {
  it('reads the credential scope of an Authorization header', () => {
    const headers = {
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIA123456789012ABCD/20261125/eu-west-1/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
    };

    expect(parseSigV4Scope(headers, new URL('http://127.0.0.1/'))).toEqual({
      accessKeyId: 'AKIA123456789012ABCD',
      date: '20261125',
      region: 'eu-west-1',
      service: 'monitoring',
    });
  });

  it('reads a presigned URL and ignores unsigned requests', () => {
    const url = new URL(
      'http://127.0.0.1/bucket?X-Amz-Credential=emulator%2F20261125%2Fus-east-1%2Fs3%2Faws4_request',
    );

    expect(parseSigV4Scope({}, url)).toMatchObject({
      accessKeyId: 'emulator',
      service: 's3',
      region: 'us-east-1',
    });
    expect(parseSigV4Scope({}, new URL('http://127.0.0.1/'))).toBeUndefined();
    expect(
      parseSigV4Scope({ authorization: 'AWS4-HMAC-SHA256 Credential=broken' }, new URL('http://127.0.0.1/')),
    ).toBeUndefined();
  });
});
