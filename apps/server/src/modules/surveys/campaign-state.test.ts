import { describe, expect, it } from 'vitest';
import { cstEnd, cstStart } from '../periods/period-state.js';
import { ballotWindow, campaignStep } from './campaign-state.js';

describe('campaignStep', () => {
  it('draft → open → closed → scored, and back to open only before scoring', () => {
    expect(campaignStep('draft', 'open')).toEqual({ ok: true, to: 'open' });
    expect(campaignStep('open', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(campaignStep('closed', 'reopen')).toEqual({ ok: true, to: 'open' });
    expect(campaignStep('closed', 'score')).toEqual({ ok: true, to: 'scored' });
    expect(campaignStep('scored', 'score')).toEqual({ ok: true, to: 'scored' });
    expect(campaignStep('scored', 'reopen')).toEqual({
      ok: false,
      code: 'survey.campaign_state',
      params: { status: 'scored', action: 'reopen' },
    });
  });

  it('only a draft is edited; an open campaign is not scored', () => {
    expect(campaignStep('draft', 'edit')).toEqual({ ok: true, to: 'draft' });
    expect(campaignStep('open', 'edit').ok).toBe(false);
    expect(campaignStep('open', 'score').ok).toBe(false);
    expect(campaignStep('draft', 'close').ok).toBe(false);
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
