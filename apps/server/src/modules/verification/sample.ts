import { createHash } from 'node:crypto';
import { sfc32 } from '@jixiao/engine';

/**
 * A seeded, reproducible random sample (Z4 on-site checks): the seed string is hashed with SHA-256,
 * the first 16 bytes seed the engine's sfc32, and a partial Fisher–Yates shuffle over the
 * candidates sorted by id picks `size` of them. The same seed and the same candidate set always give the same sample,
 * whatever order the candidates come in. Pure.
 */
export function seededRandom(seed: string) {
  const h = createHash('sha256').update(seed, 'utf8').digest();
  const random = sfc32(h.readUInt32BE(0), h.readUInt32BE(4), h.readUInt32BE(8), h.readUInt32BE(12));
  // Discard the first outputs: sfc32 mixes its state in the first few rounds.
  for (let i = 0; i < 12; i++) random();
  return random;
}

/** Draw `size` ids (all of them when fewer), returned ascending. */
export function drawSample(candidates: readonly number[], size: number, seed: string): number[] {
  const pool = [...new Set(candidates)].sort((x, y) => x - y);
  const random = seededRandom(seed);
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n).sort((x, y) => x - y);
}
