/**
 * What a page shows for its main queries, as a pure view model (no React): the first query that
 * failed without data wins, then anything still loading; disabled queries that never ran are
 * "idle" (nothing to show yet, and no false "empty" either).
 */
export interface QueryLike {
  status: 'pending' | 'error' | 'success';
  fetchStatus: 'fetching' | 'paused' | 'idle';
  error: unknown;
  data?: unknown;
}

export type QueryView =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'idle' }
  | { kind: 'ready'; stale: unknown | null };

export function queryView(queries: readonly QueryLike[]): QueryView {
  // A failure without data to fall back on: the page cannot show anything else.
  const failed = queries.find((q) => q.status === 'error' && q.data === undefined);
  if (failed) return { kind: 'error', error: failed.error };
  if (queries.some((q) => q.status === 'pending' && q.fetchStatus !== 'idle')) return { kind: 'loading' };
  if (queries.some((q) => q.status === 'pending')) return { kind: 'idle' };
  // A refetch failed but the last data is still there: show it, with the error beside it.
  const stale = queries.find((q) => q.status === 'error');
  return { kind: 'ready', stale: stale ? stale.error : null };
}
