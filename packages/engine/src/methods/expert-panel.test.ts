import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('expert panel trimmed mean', () => {
  it('drops highest and lowest: (80 + 85 + 90) / 3 = 85 → 0.85', () => {
    expect(run({ kind: 'expert_panel' }, { scores: [95, 80, 60, 90, 85] }).f).toBe(0.85);
  });
  it('too few scores: plain mean (70 + 90)/2 = 80, noted', () => {
    const r = run({ kind: 'expert_panel' }, { scores: [70, 90] });
    expect(r.f).toBe(0.8);
    // fewer than 2 × 1 + 1 = 3 scores
    expect(r.tr.notes).toEqual([{ code: 'note.few_scores', params: { n: 3 } }]);
  });
  it('scale 10: scores 7, 8, 9, 10 → trim → (8 + 9)/2 = 8.5 → 0.85', () => {
    expect(run({ kind: 'expert_panel', scale: 10 }, { scores: [7, 8, 9, 10] }).f).toBe(0.85);
  });
  it('no scores is missing', () => {
    expect(run({ kind: 'expert_panel' }, {}).f).toBeNaN();
  });
});
