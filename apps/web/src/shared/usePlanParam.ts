import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The plan a page shows, kept in the address (`?plan=ID`) so that a link or a reload opens the
 * same plan; choosing another keeps the other parameters and replaces the history entry.
 */
export function usePlanParam(): [number | undefined, (id: number) => void] {
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan') ? Number(params.get('plan')) : undefined;
  const setPlan = useCallback(
    (id: number) =>
      setParams((p) => new URLSearchParams({ ...Object.fromEntries(p), plan: String(id) }), {
        replace: true,
      }),
    [setParams],
  );
  return [planId, setPlan];
}
