import { InstancesClient } from '@google-cloud/compute';
import { v2 as functionsV2 } from '@google-cloud/functions';
import { Logging, v2 as loggingV2 } from '@google-cloud/logging';
import { MetricServiceClient } from '@google-cloud/monitoring';
import { SqlInstancesServiceClient } from '@google-cloud/sql';
import { Storage } from '@google-cloud/storage';
import dns from 'node:dns';
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import {
  gcpEmulatorClientOptions,
  gcpEmulatorLoggingOptions,
  gcpEmulatorStorageOptions,
} from './gcp-test-client-options.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

let estate: Estate;
let emulator: RunningEmulator;
const connections: string[] = [];
const lookups: string[] = [];
const socketPrototype = net.Socket.prototype;
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-installed on the prototype, so always called on a socket
const originalConnect = socketPrototype.connect;
const originalLookup = dns.lookup;
const originalPromiseLookup = dns.promises.lookup;

/** The remote host of a `Socket#connect` call (net.connect passes its arguments as one array). */
function hostOf(args: readonly unknown[]): string {
  const [first, second]: readonly unknown[] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return options.host ?? options.path ?? 'localhost';
  }
  return typeof second === 'string' ? second : 'localhost';
}

/** Records the remote host of every socket the process opens, and every DNS lookup. */
function installNetworkGuard(): void {
  socketPrototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    connections.push(hostOf(args));
    return (originalConnect as (...inner: unknown[]) => net.Socket).apply(this, args);
  };
  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]): void {
    lookups.push(hostname);
    (originalLookup as (...inner: unknown[]) => void)(hostname, ...rest);
  } as typeof dns.lookup;
  dns.promises.lookup = ((hostname: string, ...rest: unknown[]) => {
    lookups.push(hostname);
    return (originalPromiseLookup as (...inner: unknown[]) => Promise<unknown>)(hostname, ...rest);
  }) as typeof dns.promises.lookup;
}

beforeAll(async () => {
  estate = generateEstate({ seed: 7, size: 'tiny', anchorTime: ANCHOR });
  emulator = await startEmulator({ estate });
  installNetworkGuard();
});

afterAll(async () => {
  socketPrototype.connect = originalConnect;
  dns.lookup = originalLookup;
  dns.promises.lookup = originalPromiseLookup;
  await emulator.close();
});

it('lets every client library reach the emulator without touching any non-loopback host', async () => {
  const project = estate.accounts.find((account) => account.provider === 'gcp')!.id;
  const options = gcpEmulatorClientOptions(emulator.endpoints.gcp, project);
  const sinceSeq = emulator.journal.total();
  const anchorSeconds = Date.parse(ANCHOR) / 1000;

  await new InstancesClient(options).aggregatedListAsync({ project })[Symbol.asyncIterator]().next();
  await new functionsV2.FunctionServiceClient(options).listFunctions(
    { parent: `projects/${project}/locations/-` },
    { autoPaginate: false },
  );
  await new SqlInstancesServiceClient(options).list({ project });
  await new MetricServiceClient(options).listTimeSeries(
    {
      name: `projects/${project}`,
      filter: 'metric.type = "compute.googleapis.com/instance/cpu/utilization"',
      interval: { startTime: { seconds: anchorSeconds - 600 }, endTime: { seconds: anchorSeconds } },
    },
    { autoPaginate: false },
  );
  await new loggingV2.LoggingServiceV2Client(options).listLogEntries(
    {
      resourceNames: [`projects/${project}`],
      filter: `severity >= ERROR AND timestamp >= "${new Date((anchorSeconds - 600) * 1000).toISOString()}"`,
    },
    { autoPaginate: false },
  );
  await new Logging(gcpEmulatorLoggingOptions(emulator.endpoints.gcp, project)).getEntries({
    filter: `timestamp >= "${new Date((anchorSeconds - 60) * 1000).toISOString()}"`,
  });
  await new Storage(gcpEmulatorStorageOptions(emulator.endpoints.gcp, project)).getBuckets();

  expect(emulator.journal.query({ sinceSeq }).map((entry) => entry.service)).toEqual([
    'compute',
    'cloudfunctions',
    'sqladmin',
    'monitoring',
    'logging',
    'logging',
    'storage',
  ]);
  expect(connections).toContain('127.0.0.1');
  expect(connections.filter((host) => !LOOPBACK.has(host))).toEqual([]);
  expect(lookups.filter((host) => !LOOPBACK.has(host))).toEqual([]);
});

it('refuses endpoints that are not plain http', () => {
  expect(() => gcpEmulatorClientOptions('https://127.0.0.1:8443')).toThrow(RangeError);
  expect(() => gcpEmulatorClientOptions('http://127.0.0.1')).toThrow(RangeError);
});
