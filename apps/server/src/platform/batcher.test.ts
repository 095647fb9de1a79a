import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

describe('Batcher', () => {
  it('runs the calls of one tick together and answers each caller in order', async () => {
    const runs: number[][] = [];
    const b = new Batcher<number, number>(async (xs) => {
      runs.push(xs);
      return xs.map((x) => x * 10);
    }, 3);
    const out = await Promise.all([1, 2, 3, 4, 5].map((x) => b.push(x)));
    expect(out).toEqual([10, 20, 30, 40, 50]);
    expect(runs).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(await b.push(6)).toBe(60); // a later tick: a run of its own
    expect(runs.at(-1)).toEqual([6]);
  });

  it('gives every caller of a failed run the error', async () => {
    const b = new Batcher<number, number>(async () => {
      throw new Error('database down');
    });
    const settled = await Promise.allSettled([b.push(1), b.push(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
