import { rectificationSourceKinds, rectificationStatuses } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../i18n/resources.js';
import { dayAfter, weaknessText } from './view.js';

describe('rectification view', () => {
  it('a weakness reads through its i18n key, shares as percentages, empty values as a dash', () => {
    expect(
      weaknessText({
        code: 'rectification.weakness.result',
        params: { indicator: 'T1', score: 32, full: 40, lostShare: 0.2, minLostShare: 0.15, note: null },
        note: null,
      }),
    ).toEqual({
      key: 'rectification.weaknesses.result',
      params: { indicator: 'T1', score: 32, full: 40, lostShare: 20, minLostShare: 15, note: '—' },
    });
  });

  it('names every weakness the server makes, every status and source, in both languages', () => {
    for (const d of [zhCN.rectification, en.rectification]) {
      for (const k of ['result', 'verification', 'objection', 'comment', 'rating', 'manual'])
        expect(d.rectification.weaknesses).toHaveProperty(k);
      for (const s of rectificationStatuses) expect(d.rectification.statuses).toHaveProperty(s);
      for (const s of rectificationSourceKinds) expect(d.rectification.sources).toHaveProperty(s);
    }
  });

  it('the default deadline is a Beijing day', () => {
    // 2026-12-07 20:00 UTC is already 12-08 in Beijing.
    expect(dayAfter(new Date('2026-12-07T20:00:00Z'), 30)).toBe('2027-01-07');
  });
});
