import { describe, expect, it } from 'vitest';
import type { MethodSpec } from '../plan/types';
import { METHODS } from './index';

/** A spec with `param` set to `value` (a word the method may not know). */
const spec = (kind: 'benchmark' | 'zscore' | 'pro_rata', param: string, value: string) =>
  ({ kind, [param]: value }) as unknown as MethodSpec;

describe('a required choice among words (methods/types.ts choice)', () => {
  it.each([
    ['benchmark', 'mode', ['ratio', 'difference'], 'method.mode_choice'],
    ['zscore', 'sigma', ['population', 'sample'], 'method.sigma_choice'],
    ['pro_rata', 'basis', ['month', 'day'], 'method.basis_choice'],
  ] as const)(
    '%s.%s: its schema lists the words, its check refuses any other',
    (kind, param, words, problem) => {
      const def = METHODS[kind];
      expect(def.schema.required).toEqual([param]);
      expect(def.schema.properties[param]).toEqual({ enum: words });
      for (const w of words) expect(def.check(spec(kind, param, w))).toEqual([]);
      expect(def.check(spec(kind, param, 'other'))).toEqual([{ code: problem, params: {} }]);
    },
  );
});
