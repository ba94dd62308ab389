// Loads the Compute v1 Instances and Disks GAPIC clients with the adapter's read-only protos (ADR 0004).
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { COMPUTE_PROTOS_LIBRARY_VERSION, COMPUTE_READ_PROTOS_JSON } from './compute-read-protos.generated.js';

type InstancesClientModule = typeof import('@google-cloud/compute/build/src/v1/instances_client.js');
type DisksClientModule = typeof import('@google-cloud/compute/build/src/v1/disks_client.js');

/** The two client classes, and whether they were built over the trimmed protos. */
export interface ComputeReadClients {
  readonly InstancesClient: InstancesClientModule['InstancesClient'];
  readonly DisksClient: DisksClientModule['DisksClient'];
  /** `true` when the trimmed protos were used; `false` when the library's full protos were (version drift). */
  readonly trimmed: boolean;
}

const require = createRequire(import.meta.url);
let loaded: ComputeReadClients | undefined;

/**
 * Requires `instances_client.js` and `disks_client.js` of `@google-cloud/compute` so that the
 * `require("../../protos/protos.json")` at their top gets the generated read-only subset instead of
 * the library's 12 MB file. The full file costs about 1.5 s of CPU per process (parse, then
 * protobuf.js `Root.fromJSON` of every Compute API in each client constructor); the subset costs a few
 * milliseconds, and its services have no mutating method at all.
 *
 * The subset is installed in `require.cache` only while these two modules load, and only when the
 * installed library is the version it was generated from and nothing has loaded the protos yet;
 * otherwise the clients load normally over the full protos. Either way the wire format is the
 * library's: the subset is a verbatim copy of the messages the read methods use.
 */
export function loadComputeReadClients(): ComputeReadClients {
  if (loaded !== undefined) return loaded;
  const instancesPath = require.resolve('@google-cloud/compute/build/src/v1/instances_client.js');
  const disksPath = require.resolve('@google-cloud/compute/build/src/v1/disks_client.js');
  const protosPath = join(dirname(instancesPath), '..', '..', 'protos', 'protos.json');
  const { version } = require('@google-cloud/compute/package.json') as { version: string };
  const trimmed =
    version === COMPUTE_PROTOS_LIBRARY_VERSION &&
    require.cache[protosPath] === undefined &&
    require.cache[instancesPath] === undefined &&
    require.cache[disksPath] === undefined;
  if (trimmed) {
    const subset = new Module(protosPath);
    subset.filename = protosPath;
    subset.loaded = true;
    subset.exports = JSON.parse(COMPUTE_READ_PROTOS_JSON) as unknown;
    require.cache[protosPath] = subset;
  }
  try {
    const { InstancesClient } = require(instancesPath) as InstancesClientModule;
    const { DisksClient } = require(disksPath) as DisksClientModule;
    loaded = { InstancesClient, DisksClient, trimmed };
    return loaded;
  } finally {
    // Anyone else requiring the protos later gets the library's full file.
    if (trimmed) Reflect.deleteProperty(require.cache, protosPath);
  }
}
