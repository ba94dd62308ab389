import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Client as StorageOAuth2Client, GoogleAuth as StorageGoogleAuth } from 'google-auth-library';
import { googleAuthLibrary } from 'google-gax';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGcpClientFactory, GCP_EMULATOR_TOKEN, type GcpClientFactory } from './gcp-client-factory.js';
import { parseGcpEndpoint } from './parse-gcp-endpoint.js';
import { recordConnectedHosts, type ConnectedHostsRecorder } from './record-connected-hosts.js';

interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

const seen: SeenRequest[] = [];
let recorder: ConnectedHostsRecorder;
let server: Server;
let factory: GcpClientFactory;
/** Paths the stub answers slowly, to exercise cancellation. */
const slowPaths = new Set<string>();

/** Spies on a (possibly non-public) method of a library prototype. */
function spyOnMethod(prototype: object, name: string) {
  const target = prototype as Record<string, (...args: unknown[]) => unknown>;
  expect(typeof target[name], name).toBe('function');
  return vi.spyOn(target, name);
}

beforeAll(async () => {
  recorder = recordConnectedHosts();
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    seen.push({ method: req.method ?? '', path, headers: req.headers });
    const reply = (): void => {
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(
        path.startsWith('/storage/v1/b') && !path.endsWith('/iam') ? '{"kind":"storage#buckets"}' : '{}',
      );
    };
    if (slowPaths.has(path)) setTimeout(reply, 2000);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  factory = createGcpClientFactory({ endpoint: parseGcpEndpoint(`http://127.0.0.1:${port}`)! });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  recorder.restore();
  vi.restoreAllMocks();
});

describe('createGcpClientFactory with a loopback endpoint', () => {
  it('sends every service a fixed bearer token and never looks for credentials', async () => {
    // Both majors of google-auth-library: v10 (gax) and v9 (Storage). Any ADC search, metadata
    // server probe, project lookup or token refresh would go through one of these.
    const adcLookups = [
      spyOnMethod(googleAuthLibrary.GoogleAuth.prototype, 'getApplicationDefaultAsync'),
      spyOnMethod(googleAuthLibrary.GoogleAuth.prototype, '_checkIsGCE'),
      spyOnMethod(googleAuthLibrary.GoogleAuth.prototype, 'getProjectId'),
      spyOnMethod(googleAuthLibrary.OAuth2Client.prototype, 'refreshToken'),
      spyOnMethod(StorageGoogleAuth.prototype, 'getApplicationDefaultAsync'),
      spyOnMethod(StorageGoogleAuth.prototype, '_checkIsGCE'),
      spyOnMethod(StorageGoogleAuth.prototype, 'getProjectId'),
      spyOnMethod(StorageOAuth2Client.prototype, 'refreshToken'),
    ];
    const signal = new AbortController().signal;
    const [compute, functions, sql, storage, monitoring, logging] = await Promise.all([
      factory.createClient('compute'),
      factory.createClient('cloudfunctions'),
      factory.createClient('sqladmin'),
      factory.createClient('storage'),
      factory.createClient('monitoring'),
      factory.createClient('logging'),
    ]);

    await compute.aggregatedListInstances({ project: 'p1', maxResults: 5 }, { signal });
    await compute.aggregatedListDisks({ project: 'p1', maxResults: 5 }, { signal });
    await functions.listFunctions({ parent: 'projects/p1/locations/-' }, { signal });
    await sql.listInstances({ project: 'p1' }, { signal });
    await storage.listBuckets({ project: 'p1', maxResults: 5 }, { signal });
    await storage.getBucketIamPolicy('b1', { signal });
    await monitoring.listTimeSeries(
      { name: 'projects/p1', filter: 'metric.type = "x"', interval: { endTime: { seconds: 1 } } },
      { signal },
    );
    await logging.listLogEntries({ resourceNames: ['projects/p1'] }, { signal });
    await logging.listLogs({ parent: 'projects/p1' }, { signal });
    const project = await factory.resolveDefaultProject();

    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /compute/v1/projects/p1/aggregated/instances',
      'GET /compute/v1/projects/p1/aggregated/disks',
      'GET /v2/projects/p1/locations/-/functions',
      'GET /v1/projects/p1/instances',
      'GET /storage/v1/b',
      'GET /storage/v1/b/b1/iam',
      'GET /v3/projects/p1/timeSeries',
      'POST /v2/entries:list',
      'GET /v2/projects/p1/logs',
    ]);
    for (const request of seen)
      expect(request.headers.authorization, request.path).toBe(`Bearer ${GCP_EMULATOR_TOKEN}`);
    expect(project).toBeUndefined();
    for (const lookup of adcLookups) expect(lookup).not.toHaveBeenCalled();
    expect(recorder.hosts.length).toBeGreaterThan(0);
    expect(recorder.hosts.every((host) => host === '127.0.0.1')).toBe(true);
    await Promise.all(
      [compute, functions, sql, storage, monitoring, logging].map((client) => client.close()),
    );
  });

  it('cancels a request when the signal aborts', async () => {
    slowPaths.add('/v2/projects/p2/logs');
    const logging = await factory.createClient('logging');
    const controller = new AbortController();
    const started = Date.now();

    const call = logging.listLogs({ parent: 'projects/p2' }, { signal: controller.signal });
    setTimeout(() => {
      controller.abort(new Error('deadline'));
    }, 50);

    await expect(call).rejects.toThrow('deadline');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses to start a call whose signal is already aborted', async () => {
    const sql = await factory.createClient('sqladmin');
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const before = seen.length;

    await expect(sql.listInstances({ project: 'p3' }, { signal: controller.signal })).rejects.toThrow('gone');
    expect(seen.length).toBe(before);
  });
});
