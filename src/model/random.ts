// Seeded random numbers for the Monte Carlo run (docs/model.md §4.1). No Math.random anywhere: every
// draw comes from xoshiro128** (Blackman and Vigna, 2018), a small, well-known 32-bit generator,
// whose 128-bit state is filled by splitmix64 as its authors recommend.
//
// Streams. Run i of seed S draws each uncertain parameter from its own stream, keyed by
// (S, i, the parameter's path in the scenario). So a run's draws depend only on (S, i), never on the
// number of worker threads; and the same parameter gets the same draw in two scenarios run with the
// same seed, even when one scenario has parameters the other lacks. That is what lets `diff` pair
// the runs of two scenarios by run index and have their common randomness cancel.
import type { Distribution } from './distribution.js';

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/** The splitmix64 finaliser (Steele, Lea and Flood, 2014): a 64-bit mixing bijection. */
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** FNV-1a, 64-bit, over the UTF-16 code units of a string: turns a parameter path into a stream key. */
function fnv1a64(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & MASK64;
  }
  return h;
}

function asUint64(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what}: expected a whole number, found ${n}`);
  return BigInt.asUintN(64, BigInt(n));
}

/** A uniform random source: each call returns a double in [0, 1), with 53 random bits. */
export type RandomSource = () => number;

/**
 * xoshiro128** seeded from a 64-bit key through splitmix64: the key's first two splitmix64 outputs
 * fill the four 32-bit words of state (never all zero, since splitmix64 is a bijection of a counter).
 */
export function xoshiro128ss(key: bigint): RandomSource {
  let x = (key + GOLDEN_GAMMA) & MASK64;
  const a = mix64(x);
  x = (x + GOLDEN_GAMMA) & MASK64;
  const b = mix64(x);
  const next32 = xoshiro128ssWords([Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n)]);
  // 27 high bits of one output and 26 of the next: a double in [0, 1) on the 2^-53 grid.
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** The bare generator from four 32-bit words of state: each call returns the next output, an unsigned 32-bit integer. */
export function xoshiro128ssWords(state: readonly [number, number, number, number]): () => number {
  let [s0, s1, s2, s3] = state.map((w) => w | 0);
  return () => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r >>> 0;
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** The 64-bit key of the stream of run `run` of seed `seed` for the parameter at `path`. */
export function streamKey(seed: number, run: number, path: string): bigint {
  const k = mix64((asUint64(seed, 'seed') + GOLDEN_GAMMA) & MASK64);
  const r = mix64((k ^ asUint64(run, 'run index')) & MASK64);
  return mix64(r ^ fnv1a64(path));
}

/** The random source of run `run` of seed `seed` for the parameter at `path`. */
export function streamFor(seed: number, run: number, path: string): RandomSource {
  return xoshiro128ss(streamKey(seed, run, path));
}

// ---------------------------------------------------------------------------------------------
// Samplers: each takes a fixed number of uniforms (normal 2, triangular 1, uniform 1).

/** Box–Muller: one standard normal deviate from two uniforms (the second deviate is not used). */
export function sampleStandardNormal(random: RandomSource): number {
  const u1 = 1 - random(); // (0, 1]: log never sees 0
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export function sampleNormal(mean: number, sd: number, random: RandomSource): number {
  return mean + sd * sampleStandardNormal(random);
}

/** Inverse of the triangular distribution's CDF on [min, max] with its peak at mode. */
export function sampleTriangular(min: number, mode: number, max: number, random: RandomSource): number {
  const u = random();
  const width = max - min;
  if (width <= 0) return mode;
  const cut = (mode - min) / width;
  return u < cut ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
}

export function sampleUniform(min: number, max: number, random: RandomSource): number {
  return min + (max - min) * random();
}

export function sample(d: Distribution, random: RandomSource): number {
  if ('normal' in d) return sampleNormal(d.normal[0], d.normal[1], random);
  if ('triangular' in d) return sampleTriangular(d.triangular[0], d.triangular[1], d.triangular[2], random);
  return sampleUniform(d.uniform[0], d.uniform[1], random);
}

/**
 * The draw function of run `run` of seed `seed`, for the scenario resolver: each call draws the
 * distribution at `path` from that parameter's own stream. Should one path be drawn twice in a run,
 * the second draw comes from a further stream (`path#1`, ...), so it is never a repeat of the first.
 */
export function drawFor(seed: number, run: number): (d: Distribution, path: string) => number {
  asUint64(seed, 'seed');
  asUint64(run, 'run index');
  const seen = new Map<string, number>();
  return (d, path) => {
    const n = seen.get(path) ?? 0;
    seen.set(path, n + 1);
    return sample(d, streamFor(seed, run, n === 0 ? path : `${path}#${n}`));
  };
}
