import { describe, expect, it } from 'vitest';
import { type QueryLike, queryView } from './queryView.js';

const q = (over: Partial<QueryLike>): QueryLike => ({
  status: 'success',
  fetchStatus: 'idle',
  error: null,
  data: {},
  ...over,
});
const loading = q({ status: 'pending', fetchStatus: 'fetching', data: undefined });
const disabled = q({ status: 'pending', fetchStatus: 'idle', data: undefined });
const failed = q({ status: 'error', error: new Error('boom'), data: undefined });

describe('queryView', () => {
  it('is loading while a first load runs: never a false empty state', () => {
    expect(queryView([loading])).toEqual({ kind: 'loading' });
    expect(queryView([q({}), loading])).toEqual({ kind: 'loading' });
  });
  it('shows the first failure without data, even while others load', () => {
    expect(queryView([loading, failed])).toEqual({ kind: 'error', error: failed.error });
  });
  it('is idle for a disabled query that waits for its inputs', () => {
    expect(queryView([q({}), disabled])).toEqual({ kind: 'idle' });
  });
  it('is ready with data, and keeps the data when only a refetch failed', () => {
    expect(queryView([q({})])).toEqual({ kind: 'ready', stale: null });
    const err = new Error('refetch');
    expect(queryView([q({ status: 'error', error: err })])).toEqual({ kind: 'ready', stale: err });
  });
});
