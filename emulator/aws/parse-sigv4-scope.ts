import type { IncomingHttpHeaders } from 'node:http';

/** The credential scope of a SigV4-signed request: who signs, for which region and service. */
export interface SigV4Scope {
  readonly accessKeyId: string;
  /** `YYYYMMDD`. */
  readonly date: string;
  readonly region: string;
  /** Signing name of the service: `ec2`, `monitoring`, `logs`, `lambda`, `rds`, `s3`, `cloudtrail`, `sts`. */
  readonly service: string;
}

const AUTHORIZATION_CREDENTIAL = /Credential=([^,\s]+)/;

/**
 * Reads the SigV4 credential scope (`AKID/20261125/us-east-1/ec2/aws4_request`) from the
 * `Authorization` header, or from the `X-Amz-Credential` query parameter of a presigned URL.
 * The signature itself is not verified: the emulator trusts every caller.
 * @returns the scope, or `undefined` when the request is not SigV4-signed.
 */
export function parseSigV4Scope(headers: IncomingHttpHeaders, url: URL): SigV4Scope | undefined {
  const authorization = headers.authorization;
  let credential: string | undefined;
  if (typeof authorization === 'string' && authorization.startsWith('AWS4-')) {
    credential = AUTHORIZATION_CREDENTIAL.exec(authorization)?.[1];
  } else {
    credential = url.searchParams.get('X-Amz-Credential') ?? undefined;
  }
  if (credential === undefined) return undefined;
  const parts = credential.split('/');
  // The access key id never contains '/', but be lenient: the last four parts are the scope.
  if (parts.length < 5) return undefined;
  const terminator = parts[parts.length - 1];
  const service = parts[parts.length - 2];
  const region = parts[parts.length - 3];
  const date = parts[parts.length - 4];
  if (terminator !== 'aws4_request' || !service || !region || date === undefined) return undefined;
  return { accessKeyId: parts.slice(0, -4).join('/'), date, region, service };
}
