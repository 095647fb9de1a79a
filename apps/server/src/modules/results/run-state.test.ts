import { describe, expect, it } from 'vitest';
import { publicityOpen, runStep, statusesFor, submitBlocker } from './run-state.js';

describe('a run’s life', () => {
  it('goes draft → publicity → approval → released', () => {
    expect(runStep('draft', 'publish')).toEqual({ ok: true, to: 'publicity' });
    expect(runStep('publicity', 'submit')).toEqual({ ok: true, to: 'approval' });
    expect(runStep('approval', 'approve')).toEqual({ ok: true, to: 'released' });
  });
  it('may skip publicity, and a leader may send it back', () => {
    expect(runStep('draft', 'submit')).toEqual({ ok: true, to: 'approval' });
    expect(runStep('approval', 'return')).toEqual({ ok: true, to: 'draft' });
  });
  it('a released run takes no step but a correction; a draft is not approved', () => {
    for (const a of ['publish', 'submit', 'approve', 'return', 'supersede', 'object'] as const)
      expect(runStep('released', a)).toEqual({
        ok: false,
        code: 'results.run_state',
        params: { status: 'released', action: a },
      });
    expect(runStep('released', 'correct').ok).toBe(true);
    expect(runStep('draft', 'approve').ok).toBe(false);
    expect(runStep('draft', 'object').ok).toBe(false);
  });
  it('units never see drafts or runs waiting for approval; leaders see the latter', () => {
    expect(statusesFor('unit')).toEqual(['publicity', 'released']);
    expect(statusesFor('leader')).toContain('approval');
    expect(statusesFor('leader')).not.toContain('draft');
  });
});

describe('publicity', () => {
  const run = { status: 'publicity', publicity: { to: '2026-12-20' } };
  it('objections are taken to the end of the last day in Beijing (15:59:59 UTC)', () => {
    expect(publicityOpen(run, new Date('2026-12-20T15:59:59Z'))).toBe(true);
    expect(publicityOpen(run, new Date('2026-12-20T16:00:00Z'))).toBe(false);
    expect(publicityOpen({ ...run, status: 'approval' }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
  it('a run goes to the leaders only after its publicity, with every objection settled', () => {
    expect(submitBlocker(run, 0, new Date('2026-12-20T10:00:00Z'))).toEqual({
      code: 'results.publicity_running',
      params: { to: '2026-12-20' },
    });
    expect(submitBlocker(run, 2, new Date('2026-12-21T10:00:00Z'))).toEqual({
      code: 'results.objections_open',
      params: { count: 2 },
    });
    expect(submitBlocker(run, 0, new Date('2026-12-21T10:00:00Z'))).toBeNull();
    expect(submitBlocker({ status: 'draft', publicity: null }, 5, new Date())).toBeNull();
  });
});
