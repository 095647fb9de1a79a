import { describe, expect, it } from 'vitest';
import { campaignProgress } from './progress.js';

describe('campaignProgress', () => {
  // A 30-day campaign, 10 days in: a third of the time.
  const window = { opensAt: new Date('2026-12-01T00:00:00Z'), closesAt: new Date('2026-12-31T00:00:00Z') };
  const now = new Date('2026-12-11T00:00:00Z');
  const groups = [{ code: 'public', minSample: 30, units: ['u1', 'u2', 'u3'] }];

  it('projects each unit’s ballots to the close and names those that will miss their sample', () => {
    const counts = new Map([
      ['public|u1', 12], // 12 / (1/3) = 36 ≥ 30: short now, on pace
      ['public|u2', 6], // 18 < 30: at risk
      ['public|u3', 31], // already there
    ]);
    const cells = campaignProgress(groups, counts, window, now);
    expect(cells.map((c) => [c.unit, c.n, c.projected, c.short, c.atRisk])).toEqual([
      ['u1', 12, 36, true, false],
      ['u2', 6, 18, true, true],
      ['u3', 31, 93, false, false],
    ]);
  });

  it('before the opening nothing is projected; after the close the count is final', () => {
    const counts = new Map([['public|u1', 29]]);
    expect(campaignProgress(groups, counts, window, new Date('2026-11-30T00:00:00Z'))[0]).toMatchObject({
      projected: 0,
      atRisk: true,
    });
    expect(campaignProgress(groups, counts, window, new Date('2027-01-05T00:00:00Z'))[0]).toMatchObject({
      projected: 29,
      atRisk: true,
    });
  });
});
