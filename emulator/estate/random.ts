/**
 * Seeded pseudo-random numbers for the estate layer.
 *
 * The estate must be a pure function of its seed, so nothing here reads `Math.random` or the clock.
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state), seeded
 * from a string through cyrb128; it passes PractRand and is several times faster than a
 * cryptographic generator, which matters when building 100,000 instances.
 */

/** A deterministic random source. Every method advances the same underlying sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. Throws `RangeError` when max < min. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** One element of a non-empty array. Throws `RangeError` when the array is empty. */
  pick<T>(items: readonly T[]): T;
  /**
   * One value chosen with probability proportional to its weight. Weights must be ≥ 0 and at
   * least one must be > 0, otherwise `RangeError` is thrown.
   */
  weighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T;
  /** True with probability `p` (clamped to [0, 1]). */
  chance(p: number): boolean;
  /** `n` lowercase hexadecimal characters. */
  hex(n: number): string;
  /** `n` decimal digits, the first one non-zero (so the result never has a leading zero). */
  digits(n: number): string;
  /** A version-4-shaped UUID (lowercase), e.g. for request ids and subscription ids. */
  uuid(): string;
  /**
   * An independent generator derived from this generator's seed and `label`; it does not advance
   * this generator, so adding a fork never shifts the numbers drawn elsewhere.
   */
  fork(label: string): Random;
}

const TWO_POW_32 = 4_294_967_296;
const HEX = '0123456789abcdef';

/**
 * Hashes a string to an unsigned 32-bit integer (FNV-1a over UTF-16 code units, with a final
 * avalanche so that similar strings give unrelated hashes). Use it to derive per-resource seeds.
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return avalanche(hash);
}

/** The murmur3 finalizer: spreads every input bit over the whole 32-bit output. */
function avalanche(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Hashes up to three integers to an unsigned 32-bit integer. This is the hot path of metric and
 * log generation (one call per raw point), so it allocates nothing. Inputs are truncated to
 * 32 bits; epoch minutes (≈ 29 million in 2026) fit comfortably.
 */
export function hashIntegers(a: number, b: number, c = 0): number {
  let hash = avalanche((a ^ 0x9e3779b9) >>> 0);
  hash = avalanche((hash ^ Math.imul(b | 0, 0x27d4eb2f)) >>> 0);
  hash = avalanche((hash ^ Math.imul(c | 0, 0x165667b1)) >>> 0);
  return hash;
}

/** Maps an unsigned 32-bit hash to a float in [0, 1). */
export function hashToUnit(hash: number): number {
  return hash / TWO_POW_32;
}

/** Two hex digits per byte value; a table lookup is several times faster than toString(16). */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, '0'),
);

/** Eight lowercase hex digits of an unsigned 32-bit integer. */
function hex8(value: number): string {
  return (
    BYTE_HEX[value >>> 24]! +
    BYTE_HEX[(value >>> 16) & 255]! +
    BYTE_HEX[(value >>> 8) & 255]! +
    BYTE_HEX[value & 255]!
  );
}

/** cyrb128: four independent 32-bit seeds from one string. */
function seedFromText(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Creates a seeded generator. The same seed always yields the same sequence; a number seed and
 * its decimal string (`42` and `'42'`) are the same seed.
 */
export function createRandom(seed: number | string): Random {
  const seedText = String(seed);
  let [a, b, c, d] = seedFromText(seedText);

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of sfc32 still correlate with the seed; discard them.
  for (let round = 0; round < 12; round++) nextUint32();

  const next = (): number => nextUint32() / TWO_POW_32;

  const random: Random = {
    next,
    int(min, max) {
      if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
      return min + Math.floor(next() * (max - min + 1));
    },
    float(min, max) {
      return min + next() * (max - min);
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T {
      let total = 0;
      for (const [, weight] of entries) {
        if (!(weight >= 0)) throw new RangeError(`weighted(): weight ${weight} is not ≥ 0`);
        total += weight;
      }
      if (total <= 0) throw new RangeError('weighted() needs at least one positive weight');
      let target = next() * total;
      for (const [value, weight] of entries) {
        if (target < weight) return value;
        target -= weight;
      }
      // Floating-point rounding can leave target a hair above the last weight.
      let last = entries[entries.length - 1]!;
      for (const entry of entries) if (entry[1] > 0) last = entry;
      return last[0];
    },
    chance(p) {
      return next() < p;
    },
    hex(n) {
      if (n <= 8) return hex8(nextUint32()).slice(0, n);
      // join() builds one flat string; `+=` would leave a tree of cons strings, several times
      // larger in memory (this runs for every id of a 100,000-instance estate).
      const parts: string[] = [];
      for (let length = 0; length < n; length += 8) parts.push(hex8(nextUint32()));
      const text = parts.join('');
      return text.length === n ? text : text.slice(0, n);
    },
    digits(n) {
      if (n <= 0) return '';
      const parts = [String(1 + (nextUint32() % 9))];
      for (let index = 1; index < n; index++) parts.push(String(nextUint32() % 10));
      return parts.join('');
    },
    uuid() {
      const a = hex8(nextUint32());
      const b = hex8(nextUint32());
      const c = hex8(nextUint32());
      const d = hex8(nextUint32());
      const variant = HEX.charAt(8 + (nextUint32() & 3));
      return [
        a,
        '-',
        b.slice(0, 4),
        '-4',
        b.slice(5),
        '-',
        variant,
        c.slice(0, 3),
        '-',
        c.slice(3),
        d.slice(1),
      ].join('');
    },
    fork(label) {
      return createRandom(`${seedText}/${label}`);
    },
  };
  return random;
}
