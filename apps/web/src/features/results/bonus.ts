import type { UnitTrace } from '@jixiao/engine';

/**
 * The bonus items of a trace with the name of their source (创新创优), as the plan names it: the
 * engine's `bonus.capped` step carries the names, item for item; the raw code stays the fallback.
 */
export function bonusRows(bonus: UnitTrace['bonus']) {
  const step = bonus.steps.find((s) => s.code === 'bonus.capped');
  const named = Array.isArray(step?.params.items) ? step.params.items : [];
  return bonus.items.map((b, i) => {
    const n = named[i];
    const name = n && typeof n === 'object' && !Array.isArray(n) ? n.source : undefined;
    return { ...b, sourceName: typeof name === 'string' ? name : b.source };
  });
}
