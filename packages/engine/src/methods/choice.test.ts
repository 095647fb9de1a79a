import { describe, expect, it } from 'vitest';
import type { MethodSpec } from '../plan/types';
import { METHODS } from './index';

/** A spec with `param` set to `value` (a word the method may not know). */
const spec = (kind: 'benchmark' | 'zscore' | 'pro_rata', param: string, value: string) =>
  ({ kind, [param]: value }) as unknown as MethodSpec;

describe('a required choice among words (methods/types.ts choice)', () => {
  it.each([
    ['benchmark', 'mode', ['ratio', 'difference'], 'mode must be "ratio" or "difference"'],
    ['zscore', 'sigma', ['population', 'sample'], 'sigma must be "population" or "sample"'],
    ['pro_rata', 'basis', ['month', 'day'], 'basis must be "month" or "day"'],
  ] as const)(
    '%s.%s: its schema lists the words, its check refuses any other',
    (kind, param, words, problem) => {
      const def = METHODS[kind];
      expect(def.schema.required).toEqual([param]);
      expect(def.schema.properties[param]).toEqual({ enum: words });
      for (const w of words) expect(def.check(spec(kind, param, w))).toEqual([]);
      expect(def.check(spec(kind, param, 'other'))).toEqual([problem]);
    },
  );
});
