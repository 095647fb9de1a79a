import {
  aggregateProjects,
  innovationBonus,
  judgeDispersion,
  rankByCategory,
  type Step,
  scoreSheet,
  topTen,
} from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { dictTranslate, explainTemplates, renderStep } from './render.js';
import { explanationStep } from './steps.js';

/**
 * The innovation steps as the engine emits them (rubric, panel with and without normalisation,
 * ranks, top ten with a tie-break, bonus with a cut, dispersion with a flag) parse with their
 * codes' param shapes and read in both languages.
 */
const zh = dictTranslate(explainTemplates['zh-CN']);
const en = dictTranslate(explainTemplates.en);

function emitted(): Step[] {
  const out: Step[] = [];
  const sheet = scoreSheet(
    {
      criteria: [
        { code: 'novelty', name: '创新性', weight: 0.6, min: 0, max: 60 },
        { code: 'reach', name: '可推广性', weight: 0.4, min: 0, max: 40 },
      ],
    },
    { novelty: 50, reach: 30 },
  );
  if (sheet.ok) out.push(...sheet.value.steps);
  const scores = [
    ...['A', 'B', 'C', 'D', 'E'].map((judge, i) => ({ project: 'P', judge, score: 80 + 2 * i })),
    { project: 'Q', judge: 'A', score: 70 },
    { project: 'Q', judge: 'B', score: 90 },
    { project: 'R', judge: 'F', score: 75 },
  ];
  const agg = aggregateProjects(scores, { normalise: true });
  out.push(...agg.judges.flatMap((j) => j.steps), ...agg.projects.flatMap((p) => p.steps));
  const ranked = [
    { project: 'P', unit: 'u1', category: 'econ', score: 90 },
    { project: 'Q', unit: 'u1', category: 'gov', score: 90 },
    { project: 'R', unit: 'u2', category: 'gov', score: 80 },
  ];
  const ranks = rankByCategory(ranked);
  out.push(...ranks.flatMap((r) => r.steps));
  out.push(...topTen(ranked, { n: 1, tieBreak: ['Q'] }).entries.flatMap((e) => e.steps));
  out.push(
    ...topTen(ranked, { n: 2, categories: { econ: { min: 1 }, gov: { max: 1 } } }).entries.flatMap(
      (e) => e.steps,
    ),
  );
  const bonus = innovationBonus(ranks, {
    rankOf: 'category',
    table: [{ fromRank: 1, toRank: 1, points: 1 }],
    source: 'innovation',
    cap: 1.5,
  });
  out.push(...bonus.proposals.flatMap((p) => p.steps), ...bonus.units.flatMap((u) => u.steps));
  out.push(...judgeDispersion(scores, { threshold: 0.5 }).judges.flatMap((j) => j.steps));
  return out;
}

describe('innovation steps', () => {
  const steps = emitted();
  it('every code is emitted and parses with its param shape', () => {
    const codes = new Set(steps.map((s) => s.code).filter((c) => c.startsWith('innovation.')));
    expect(codes.size).toBe(16);
    for (const s of steps) expect(explanationStep.safeParse(s).success, s.code).toBe(true);
  });
  it('every step reads in Chinese and English, no placeholder left', () => {
    for (const t of [zh, en])
      for (const s of steps) {
        const text = renderStep(s, t);
        expect(text, s.code).not.toMatch(/\{\{|steps\.|terms\./);
      }
  });
  it('examples', () => {
    const trimmed = steps.find((s) => s.code === 'innovation.trimmed')!;
    // P: 80, 82, 84, 86, 88 normalised … the text, whatever the numbers, starts the same
    expect(renderStep(trimmed, zh)).toMatch(/^5 位评委，去掉 1 个最高分和 1 个最低分：评分 /);
    const out = {
      code: 'innovation.top_ten_out',
      params: { rank: 12, n: 10, left: 'seats', category: 'gov' },
    };
    expect(renderStep(out, zh)).toBe('未入选十优：总排名第 12 名（10 个名额已满）');
    expect(renderStep(out, en)).toBe('not in the top ten: overall rank 12 (all 10 seats are taken)');
    const bonus = {
      code: 'innovation.bonus',
      params: { rankOf: 'category', category: '经济发展', rank: 2, fromRank: 2, toRank: 3, points: 0.8 },
    };
    expect(renderStep(bonus, zh)).toBe('经济发展 类第 2 名，属第 2–3 名档次，加 0.8 分');
    expect(renderStep(bonus, en)).toBe('category 经济发展 rank 2: band 2–3 gives +0.8');
  });
});
