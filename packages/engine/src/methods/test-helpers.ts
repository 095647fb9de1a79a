import type { Direction, MethodSpec, ZeroDivisionOutcome } from '../plan/types';
import { METHODS } from './index';
import type { Cell, MethodContext, Tracer } from './types';
import { newCell, newTracer } from './types';

/** Test-only helper: run one method on one cell (with group stats from `group` values). */
export function run(
  spec: MethodSpec,
  cell: Partial<Cell>,
  opts: {
    scale?: number;
    direction?: Direction;
    dz?: ZeroDivisionOutcome;
    elapsed?: number;
    group?: number[];
  } = {},
): { f: number; tr: Tracer } {
  const def = METHODS[spec.kind];
  const direction = opts.direction ?? 'higher';
  const ctx: MethodContext = {
    scale: opts.scale ?? 100,
    direction,
    dz: opts.dz ?? 'zero',
    elapsed: opts.elapsed ?? 1,
    stats: def.prepare ? def.prepare(spec, opts.group ?? [], direction) : undefined,
  };
  const tr: Tracer = newTracer();
  const f = def.score(spec, { ...newCell(), ...cell }, ctx, tr);
  // the fast path (no tracer) must give the very same number
  const f2 = def.score(spec, { ...newCell(), ...cell }, ctx, null);
  if (!Object.is(f, f2)) throw new Error(`traced ${f} ≠ fast ${f2}`);
  return { f, tr };
}
