import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Estate, Provider } from '../estate/model.js';
import { createEstateIndex, type EstateIndex } from '../estate/estate-index.js';
import { createCallJournal, type CallJournal } from './call-journal.js';
import { createFaultSet, type FaultRuleInput, type FaultSet } from './fault-rules.js';
import { handleAdminRequest } from './handle-admin-request.js';
import type { OperationRoute, ProviderHandler, WireRequest, WireResponse } from './wire.js';
import { createAwsHandler } from '../aws/create-aws-handler.js';
import { createAzureHandler } from '../azure/create-azure-handler.js';
import { createGcpHandler } from '../gcp/create-gcp-handler.js';

/** Page size caps per provider (the most items one page may hold, whatever the client asks). */
export interface PageSizeCaps {
  /** AWS: cap on MaxResults/MaxRecords/Limit (default: each API's documented maximum). */
  readonly aws?: number;
  /** Azure: items per ARM page before a `nextLink` (default 100). */
  readonly azure?: number;
  /** GCP: cap on maxResults/pageSize (default 500). */
  readonly gcp?: number;
}

/** What every provider handler is built from. */
export interface HandlerDeps {
  readonly estate: Estate;
  readonly index: EstateIndex;
  readonly pageSizeCaps: PageSizeCaps;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  readonly estate: Estate;
  /** Interface to bind; loopback only (default `127.0.0.1`). */
  readonly host?: string;
  /** Ports per provider; 0 (the default) picks a free port. */
  readonly ports?: Partial<Record<Provider, number>>;
  /** Faults in force from the start. */
  readonly faults?: readonly FaultRuleInput[];
  /** Seed of the fault probability draws (default: the estate seed). */
  readonly faultSeed?: number;
  readonly pageSizeCaps?: PageSizeCaps;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL per provider (`http://127.0.0.1:PORT`). */
  readonly endpoints: Readonly<Record<Provider, string>>;
  /** Base URL of the admin API (`…/_emulator`, served on every port). */
  readonly adminUrl: string;
  readonly estate: Estate;
  readonly journal: CallJournal;
  readonly faults: FaultSet;
  /** Environment variables that point the official SDKs at this emulator. */
  readonly environment: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** Thrown when a port cannot be bound; `code` is `EMULATOR_PORT_IN_USE` or `EMULATOR_LISTEN_FAILED`. */
export class EmulatorListenError extends Error {
  constructor(
    readonly code: 'EMULATOR_PORT_IN_USE' | 'EMULATOR_LISTEN_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmulatorListenError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Starts the emulator: one HTTP server per provider on loopback, sharing one estate, one call
 * journal and one fault set. Mutating operations are journaled and refused.
 * @throws EmulatorListenError when a port is taken or the host is not a loopback address.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new EmulatorListenError(
      'EMULATOR_LISTEN_FAILED',
      `The emulator binds loopback only; refusing host "${host}".`,
    );
  }
  const index = createEstateIndex(options.estate);
  const deps: HandlerDeps = { estate: options.estate, index, pageSizeCaps: options.pageSizeCaps ?? {} };
  const journal = createCallJournal();
  const faults = createFaultSet(options.faultSeed ?? options.estate.seed);
  for (const fault of options.faults ?? []) faults.add(fault);
  const handlers: Record<Provider, ProviderHandler> = {
    aws: createAwsHandler(deps),
    azure: createAzureHandler(deps),
    gcp: createGcpHandler(deps),
  };
  const servers: Server[] = [];
  const endpoints: Partial<Record<Provider, string>> = {};
  const state = { endpoints: endpoints as Record<Provider, string> };
  try {
    for (const provider of ['aws', 'azure', 'gcp'] as const) {
      const handler = handlers[provider];
      const server = createServer((req, res) => {
        void serveRequest(req, res, handler, { journal, faults, estate: options.estate, state });
      });
      server.keepAliveTimeout = 30_000;
      const port = await listen(server, host, options.ports?.[provider] ?? 0, provider);
      servers.push(server);
      endpoints[provider] = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }
  const all = endpoints as Record<Provider, string>;
  return {
    endpoints: all,
    adminUrl: `${all.aws}/_emulator`,
    estate: options.estate,
    journal,
    faults,
    environment: emulatorEnvironment(all, options.estate),
    close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
  };
}

/**
 * The environment variables that point the SDKs (and this tool) at an emulator. With the estate,
 * `sre` is also told every AWS region, Azure subscription and GCP project it holds, so a question
 * asked with just these variables reads the whole estate (AWS: the account the key maps to; the
 * others answer to a key containing their id, e.g. `EMULATOR123456789012`).
 */
export function emulatorEnvironment(
  endpoints: Readonly<Record<Provider, string>>,
  estate?: Pick<Estate, 'accounts'>,
): Record<string, string> {
  const accounts = (provider: Provider): Estate['accounts'] =>
    (estate?.accounts ?? []).filter((account) => account.provider === provider);
  const awsRegions = [...new Set(accounts('aws').flatMap((account) => account.regions))].sort();
  const list = (provider: Provider): string =>
    accounts(provider)
      .map((account) => account.id)
      .sort()
      .join(',');
  return {
    AWS_ENDPOINT_URL: endpoints.aws,
    AWS_ACCESS_KEY_ID: 'emulator',
    AWS_SECRET_ACCESS_KEY: 'emulator',
    AWS_REGION: awsRegions.includes('us-east-1') || awsRegions.length === 0 ? 'us-east-1' : awsRegions[0]!,
    ...(awsRegions.length === 0 ? {} : { SRE_AWS_REGIONS: awsRegions.join(',') }),
    SRE_AZURE_ENDPOINT: endpoints.azure,
    ...(accounts('azure').length === 0 ? {} : { SRE_AZURE_SUBSCRIPTIONS: list('azure') }),
    SRE_GCP_ENDPOINT: endpoints.gcp,
    ...(accounts('gcp').length === 0 ? {} : { SRE_GCP_PROJECTS: list('gcp') }),
  };
}

function listen(server: Server, host: string, port: number, provider: Provider): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new EmulatorListenError(
            'EMULATOR_PORT_IN_USE',
            `Port ${port} on ${host} (for ${provider}) is already in use. Stop the other process or choose another port with --port.`,
            { cause: error },
          ),
        );
      } else {
        reject(
          new EmulatorListenError(
            'EMULATOR_LISTEN_FAILED',
            `Cannot listen on ${host}:${port}: ${error.message}`,
            { cause: error },
          ),
        );
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}

interface ServeContext {
  readonly journal: CallJournal;
  readonly faults: FaultSet;
  readonly estate: Estate;
  readonly state: { readonly endpoints: Record<Provider, string> };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: WireResponse): void {
  const body = response.body ?? '';
  const headers: Record<string, string | number> = { ...response.headers };
  headers['content-length'] = Buffer.byteLength(body);
  res.writeHead(response.status, headers);
  res.end(body);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function serveRequest(
  req: IncomingMessage,
  res: ServerResponse,
  handler: ProviderHandler,
  context: ServeContext,
): Promise<void> {
  let request: WireRequest | undefined;
  try {
    const body = await readBody(req);
    // Concatenate instead of resolving: a target that starts with `//` (Azure SDKs send `//subscriptions/…`) is a path, not a host.
    const url = new URL(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`);
    request = { method: req.method ?? 'GET', url, headers: req.headers, body };
    if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/')) {
      send(res, handleAdminRequest(request, context));
      return;
    }
    const response = await dispatch(request, handler, context);
    send(res, response);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const response = request
      ? handler.renderError(
          { kind: 'unavailable', message: `Emulator internal error: ${message}` },
          request,
          undefined,
        )
      : { status: 500, body: message };
    if (!res.headersSent) send(res, response);
    else res.destroy();
  }
}

async function dispatch(
  request: WireRequest,
  handler: ProviderHandler,
  context: ServeContext,
): Promise<WireResponse> {
  const { journal, faults } = context;
  const route: OperationRoute | undefined = handler.route(request);
  const base = {
    at: Date.now(),
    provider: handler.provider,
    method: request.method,
    path: request.url.pathname,
  };
  if (route === undefined) {
    const response = handler.renderError(
      {
        kind: 'unknown_operation',
        message: `The emulator does not implement ${request.method} ${request.url.pathname}.`,
      },
      request,
      undefined,
    );
    journal.record({
      ...base,
      service: 'unknown',
      operation: 'unknown',
      mutating: false,
      status: response.status,
    });
    return response;
  }
  const entry = {
    ...base,
    service: route.service,
    operation: route.operation,
    mutating: route.mutating,
    ...(route.account === undefined ? {} : { account: route.account }),
    ...(route.region === undefined ? {} : { region: route.region }),
  };
  if (route.mutating) {
    const response = handler.renderError(
      {
        kind: 'mutation_refused',
        message: `${route.operation} would change the cloud; the emulator is read-only and has refused it.`,
      },
      request,
      route,
    );
    journal.record({ ...entry, status: response.status });
    return response;
  }
  const hits = faults.hits({ provider: handler.provider, ...route });
  let faultName: string | undefined;
  let response: WireResponse | undefined;
  for (const hit of hits) {
    if (hit.kind === 'latency') {
      await sleep(hit.latencyMs);
      continue;
    }
    if (response !== undefined) continue;
    faultName = hit.kind;
    switch (hit.kind) {
      case 'throttle':
        response = handler.renderError(
          {
            kind: 'throttled',
            message: 'Rate exceeded',
            ...(hit.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: hit.retryAfterSeconds }),
          },
          request,
          route,
        );
        break;
      case 'unavailable':
        response = handler.renderError(
          { kind: 'unavailable', message: 'Service unavailable (injected fault).' },
          request,
          route,
        );
        break;
      case 'denied':
        response = handler.renderError(
          { kind: 'denied', message: `Not authorized to perform ${route.operation} (injected fault).` },
          request,
          route,
        );
        break;
      case 'region_down':
        response = handler.renderError(
          {
            kind: 'region_down',
            message: `Region ${route.region ?? 'unknown'} is unavailable (injected fault).`,
          },
          request,
          route,
        );
        break;
      case 'malformed':
        response = handler.renderMalformed(request, route);
        break;
    }
  }
  if (hits.some((h) => h.kind === 'latency') && faultName === undefined) faultName = 'latency';
  response ??= await route.serve();
  journal.record({
    ...entry,
    status: response.status,
    ...(faultName === undefined ? {} : { fault: faultName }),
  });
  return response;
}
