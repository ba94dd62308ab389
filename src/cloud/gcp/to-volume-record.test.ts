import { describe, expect, it } from 'vitest';
import { toDiskEncryptionType, toVolumeRecord, toVolumeState } from './to-volume-record.js';

const BASE = 'https://www.googleapis.com/compute/v1/projects/p1';

describe('toVolumeState', () => {
  it.each([
    ['READY', true, 'in_use'],
    ['READY', false, 'available'],
    ['CREATING', false, 'pending'],
    ['RESTORING', false, 'pending'],
    ['FAILED', false, 'failed'],
    ['DELETING', true, 'terminated'],
    ['UNAVAILABLE', true, 'unknown'],
    [undefined, false, 'unknown'],
  ] as const)('%s (attached %s) → %s', (status, attached, expected) => {
    expect(toVolumeState(status, attached)).toBe(expected);
  });
});

describe('toDiskEncryptionType', () => {
  it.each([
    [
      { kmsKeyName: 'projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1' },
      'customer-managed',
    ],
    [{ sha256: 'abc=' }, 'customer-supplied'],
    [{}, 'google-managed'],
    [undefined, 'google-managed'],
  ] as const)('%j → %s', (key, expected) => {
    expect(toDiskEncryptionType(key)).toBe(expected);
  });
});

describe('toVolumeRecord', () => {
  it('normalizes an attached zonal disk', () => {
    const record = toVolumeRecord(
      {
        id: '1345246414387771184',
        name: 'data-1',
        zone: `${BASE}/zones/us-central1-a`,
        sizeGb: '500',
        type: `${BASE}/zones/us-central1-a/diskTypes/hyperdisk-balanced`,
        status: 'READY',
        users: [`${BASE}/zones/us-central1-a/instances/db-1`, `${BASE}/zones/us-central1-a/instances/db-2`],
        labels: { team: 'data' },
        creationTimestamp: '2026-09-30T00:11:27.000-07:00',
        provisionedIops: '3000',
        diskEncryptionKey: {
          kmsKeyName: 'projects/p1/locations/us/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1',
        },
      },
      'p1',
    );

    expect(record).toEqual({
      provider: 'gcp',
      kind: 'volume',
      id: '1345246414387771184',
      name: 'data-1',
      account: 'p1',
      region: 'us-central1',
      tags: { team: 'data' },
      fields: {
        state: 'in_use',
        size_gb: 500,
        volume_type: 'hyperdisk-balanced',
        attached: true,
        attached_to: 'db-1',
        encrypted: true,
        encryption_type: 'customer-managed',
        zone: 'us-central1-a',
        created_time: '2026-09-30T07:11:27.000Z',
        iops: 3000,
      },
    });
  });

  it("takes a regional disk's region and reports it unattached", () => {
    const record = toVolumeRecord(
      { id: '7', name: 'shared', region: `${BASE}/regions/europe-west4`, status: 'READY', sizeGb: '10' },
      'p1',
    );

    expect(record.region).toBe('europe-west4');
    expect(record.fields).toMatchObject({
      state: 'available',
      attached: false,
      encryption_type: 'google-managed',
      size_gb: 10,
    });
    expect(record.fields.zone).toBeUndefined();
  });
});
