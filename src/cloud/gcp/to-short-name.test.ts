import { describe, expect, it } from 'vitest';
import { toRegionOfZone } from './to-region-of-zone.js';
import { segmentAfter, toShortName } from './to-short-name.js';

describe('toShortName', () => {
  it.each([
    [
      'https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/machineTypes/e2-medium',
      'e2-medium',
    ],
    ['projects/p/locations/us-central1/functions/f/', 'f'],
    ['plain', 'plain'],
    ['', undefined],
    [null, undefined],
  ])('%j → %s', (name, expected) => {
    expect(toShortName(name)).toBe(expected);
  });
});

describe('segmentAfter', () => {
  it.each([
    ['projects/p/locations/europe-west1/functions/f', 'locations', 'europe-west1'],
    ['projects/p/locations/europe-west1/functions/f', 'functions', 'f'],
    ['projects/p/locations/', 'locations', undefined],
    ['projects/p', 'locations', undefined],
  ])('%s after %s → %s', (name, collection, expected) => {
    expect(segmentAfter(name, collection)).toBe(expected);
  });
});

describe('toRegionOfZone', () => {
  it.each([
    ['us-central1-a', 'us-central1'],
    ['europe-west4-c', 'europe-west4'],
    ['northamerica-northeast1-b', 'northamerica-northeast1'],
    ['us-central1', 'us-central1'],
    ['global', 'global'],
  ])('%s → %s', (zone, expected) => {
    expect(toRegionOfZone(zone)).toBe(expected);
  });
});
