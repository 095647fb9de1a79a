import type { PeriodWindow } from '@jixiao/contracts';
import { useMemo } from 'react';
import { useSlotsOf } from './api.js';
import { computeTodos, startedPeriods } from './model.js';

/**
 * The to-dos of every period already open (rows to fill, to submit, returned), loading each
 * started period's rows; `ready` once they are all in (the default period is chosen from them).
 */
export function usePeriodTodos(
  planId: number | undefined,
  windows: PeriodWindow[] | undefined,
  loaded: boolean,
) {
  const started = useMemo(() => startedPeriods(windows ?? []), [windows]);
  const todoQueries = useSlotsOf(
    planId,
    started.map((w) => w.period),
  );
  const ready = loaded && todoQueries.every((q) => !q.isPending);
  const stamp = todoQueries.map((q) => q.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` says when any period's data changed
  const todos = useMemo(() => {
    const byPeriod = new Map(
      todoQueries.flatMap((q) => (q.data ? [[q.data.period, q.data.items] as const] : [])),
    );
    return computeTodos(windows ?? [], (p) => byPeriod.get(p), Date.now());
  }, [windows, stamp]);
  return { todos, ready };
}
