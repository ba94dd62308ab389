import { describe, expect, it } from 'vitest';
import type { ResourceRecord } from '../../core/ports/cloud-port.js';
import { inRegion } from './in-region.js';

const record = (id: string, region: string): ResourceRecord => ({
  provider: 'gcp',
  kind: 'instance',
  id,
  name: id,
  account: 'p',
  region,
  tags: {},
  fields: {},
});

describe('inRegion', () => {
  const records = [record('a', 'europe-west1'), record('b', 'us-east1'), record('c', 'europe-west1')];

  it('keeps every record for the global scope', () => {
    expect(inRegion(records, { region: 'global' })).toEqual(records);
  });

  it('keeps only the records of a regional scope', () => {
    expect(inRegion(records, { region: 'europe-west1' }).map((r) => r.id)).toEqual(['a', 'c']);
  });
});
