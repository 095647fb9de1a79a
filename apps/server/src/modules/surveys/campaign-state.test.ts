import { describe, expect, it } from 'vitest';
import { cstEnd, cstStart } from '../periods/period-state.js';
import { ballotWindow, campaignStep } from './campaign-state.js';

describe('campaignStep', () => {
  it.each([
    // draft → open → closed → scored, and back to open only before scoring
    ['draft', 'open', 'open'],
    ['open', 'close', 'closed'],
    ['closed', 'reopen', 'open'],
    ['closed', 'score', 'scored'],
    ['scored', 'score', 'scored'],
    // only a draft is edited
    ['draft', 'edit', 'draft'],
  ] as const)('%s: %s leads to %s', (from, action, to) => {
    expect(campaignStep(from, action)).toEqual({ ok: true, to });
  });

  it.each([
    ['scored', 'reopen'],
    ['open', 'edit'],
    ['open', 'score'],
    ['draft', 'close'],
  ] as const)('%s: %s is refused, naming the status and the action', (status, action) => {
    expect(campaignStep(status, action)).toEqual({
      ok: false,
      code: 'survey.campaign_state',
      params: { status, action },
    });
  });
});

describe('ballotWindow', () => {
  // Year-end campaign: 2026-12-01 00:00 to 2026-12-31 23:59:59 Beijing time.
  const c = { status: 'open' as const, opensAt: cstStart(2026, 12, 1), closesAt: cstEnd(2026, 12, 31) };

  it('is open between its Beijing times, inclusive of the last second', () => {
    expect(ballotWindow(c, new Date('2026-11-30T15:59:59Z'))).toBe('not_open'); // 23:59:59 on 11-30 in Beijing
    expect(ballotWindow(c, new Date('2026-11-30T16:00:00Z'))).toBe('open'); // 00:00 on 12-01 in Beijing
    expect(ballotWindow(c, new Date('2026-12-31T15:59:59Z'))).toBe('open');
    expect(ballotWindow(c, new Date('2026-12-31T16:00:00Z'))).toBe('closed');
  });

  it('follows the status whatever the clock says', () => {
    const inside = new Date('2026-12-10T00:00:00Z');
    expect(ballotWindow({ ...c, status: 'draft' }, inside)).toBe('not_open');
    expect(ballotWindow({ ...c, status: 'closed' }, inside)).toBe('closed');
    expect(ballotWindow({ ...c, status: 'scored' }, inside)).toBe('closed');
  });
});
