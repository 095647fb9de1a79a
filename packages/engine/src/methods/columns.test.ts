import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MethodSpec } from '../plan/types';
import { interpolatedBands } from '../test-fixtures';
import { type ColumnIO, newColumnParams } from './column';
import { METHODS } from './index';
import { type MethodContext, newCell } from './types';

const specs: MethodSpec[] = [
  { kind: 'completion' },
  { kind: 'completion', reference: 'baseline', excessRate: 0.5, excessCap: 0.1, below: 'zero' },
  { kind: 'pro_rata', basis: 'month', excessRate: 0.2, excessCap: 0.05 },
  { kind: 'satisfaction', scale: 5 },
  { kind: 'manual' },
  { kind: 'manual', scale: 100 },
  { kind: 'deduction', perItem: 1.5 },
  interpolatedBands,
  { ...interpolatedBands, interpolate: false },
  { kind: 'efficacy', limits: { worst: 10, best: 90 } },
  { kind: 'efficacy', limits: 'group', clamp: [0, 100] },
];
const num = fc.oneof(
  fc.constant(Number.NaN),
  fc.constant(0),
  fc.double({ min: -100, max: 400, noNaN: true }),
);

describe('column forms equal the scalar methods exactly', () => {
  it('on random cells, both directions, every division-by-zero outcome', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(num, num, num, fc.double({ min: 0, max: 30, noNaN: true })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.constantFrom(...specs),
        fc.constantFrom('higher' as const, 'lower' as const),
        fc.constantFrom('zero' as const, 'full' as const, 'missing' as const),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (rows, spec, direction, dz, elapsed) => {
          const n = rows.length;
          const off = 3; // inputs are read at an offset, as from the evaluator's [leaf × unit] arrays
          const arr = (k: number) => Float64Array.from([9, 9, 9, ...rows.map((r) => r[k] as number)]);
          // Each item in a group of its own, whose full points are the row's scale.
          const io: ColumnIO = {
            n,
            off,
            value: arr(0),
            target: arr(1),
            baseline: arr(2),
            group: Int32Array.from(rows, (_, i) => i),
            scaleOf: Float64Array.from(rows.map((r) => r[3])),
            part: null,
            parts: 1,
            out: new Float64Array(n),
          };
          const def = METHODS[spec.kind];
          const present = rows.map((r) => r[0]).filter((x) => !Number.isNaN(x));
          const ctx: MethodContext = {
            scale: Number.NaN,
            direction,
            dz,
            elapsed,
            stats: def.prepare ? def.prepare(spec, present, direction) : undefined,
          };
          const kp = newColumnParams();
          def.column!.setUp(spec, ctx, kp, io);
          def.column!.run(kp, io);
          rows.forEach((r, i) => {
            const cell = { ...newCell(), value: r[0], target: r[1], baseline: r[2] };
            const f = def.score(spec, cell, { ...ctx, scale: r[3] }, null);
            expect(Object.is(io.out[i], f) || (Number.isNaN(f) && Number.isNaN(io.out[i]!))).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
