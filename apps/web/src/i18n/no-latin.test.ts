import { renderStep, renderSteps, renderVars, type Translate } from '@jixiao/contracts';
import { evaluate, type TraceNode, templates, type UnitTrace } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { buildPlanTree, methodParams, type PlanRow } from '../features/plans/tree.js';
import { explainT, renderStages } from '../features/results/formula.js';
import i18n from './index.js';

/**
 * Issue 9 point 3: what a Chinese reader sees of every shipped template — each unit's results
 * explanation and the plan tree — holds no Latin word except the codes and names the plan's
 * author typed. Math symbols of the formulas (x, r, f, d, z, g, gp, gT, n, x_s, x_h, σ, Σ) and
 * min / max are notation, not words.
 */
const NOTATION = new Set(['min', 'max', 'gp', 'gT']);

function latinWords(text: string, typed: readonly string[]): string[] {
  let rest = text;
  // Longest first, so that a code containing another code is removed whole.
  for (const s of [...typed].sort((a, b) => b.length - a.length)) if (s) rest = rest.split(s).join(' ');
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !NOTATION.has(w));
}

function traceTexts(tr: UnitTrace, t: Translate, tt: (k: string) => string): string[] {
  const out: string[] = [];
  const node = (n: TraceNode): void => {
    out.push(renderSteps(n.steps, t), renderVars(n.vars, t), ...n.notes.map((s) => renderStep(s, t)));
    if (n.rounding) out.push(renderStep(n.rounding, t));
    if (n.method) out.push(tt(`methods.${n.method}`));
    n.children.forEach(node);
  };
  tr.components.forEach(node);
  for (const s of [tr.base, tr.total])
    out.push(renderSteps(s.steps, t), ...(s.rounding ? [renderStep(s.rounding, t)] : []));
  out.push(renderSteps(tr.bonus.steps, t), renderSteps(tr.deductions.steps, t));
  out.push(renderStep(tr.rank, t), renderStep(tr.grade, t));
  out.push(
    tt(`trace.mode.${tr.mode}`),
    tt(`explain.terms.mode.${tr.rounding.mode}`),
    renderStages(tr.rounding.stages, t),
  );
  return out;
}

/** The words the plan editor's tree shows for a row, besides its code, name and owner. */
function rowTexts(r: PlanRow, tt: (k: string) => string): string[] {
  const out = [
    ...(r.method ? [tt(`methods.${r.method.kind}`), ...methodParams(r.method, tt)] : []),
    ...(r.methodInherited ? [tt('planEditor.inherited')] : []),
    ...(r.kind ? [tt(`planEditor.kinds.${r.kind}`)] : []),
    ...(r.direction ? [tt(`planEditor.directions.${r.direction}`)] : []),
    ...(r.level === 'sub_item' ? [tt('planEditor.levels.sub_item')] : []),
  ];
  return [...out, ...(r.children ?? []).flatMap((c) => rowTexts(c, tt))];
}

describe('zh-CN shows no Latin word outside what the user typed', () => {
  const fixed = i18n.getFixedT('zh-CN');
  const tt = (k: string, o?: Record<string, unknown>) => String(fixed(k, o));
  const t = explainT(fixed as never);
  for (const tpl of templates) {
    const p = tpl.plan;
    const typed = [
      ...p.components.map((c) => c.code),
      ...p.indicators.flatMap((i) => [
        i.code,
        i.owner ?? '',
        i.leadDept ?? '',
        ...(i.subItems ?? []).map((s) => s.code),
      ]),
      ...p.groups.map((g) => g.code),
      ...(p.categories ?? []).map((c) => c.code),
      ...tpl.data.units.map((u) => u.code),
      ...(p.bonus?.sources ?? []).map((s) => s.code),
      ...p.grades.levels.map((l) => l.code),
    ];
    it(`${tpl.id}: the results explanation of every unit`, () => {
      const r = evaluate(p, tpl.data);
      const bad = new Set<string>();
      for (const u of r.units)
        for (const text of traceTexts(r.trace(u.unit), t, tt))
          for (const w of latinWords(text, [...typed, u.unit])) bad.add(`${w} in "${text}"`);
      expect([...bad].slice(0, 10)).toEqual([]);
      // The check itself finds words: the same explanation in English has them.
      const en = explainT(i18n.getFixedT('en') as never);
      const u = r.units[0]!.unit;
      expect(traceTexts(r.trace(u), en, tt).flatMap((x) => latinWords(x, typed)).length).toBeGreaterThan(0);
    });
    it(`${tpl.id}: the plan tree`, () => {
      const bad = new Set<string>();
      for (const text of buildPlanTree(p).flatMap((r) => rowTexts(r, tt)))
        for (const w of latinWords(text, typed)) bad.add(`${w} in "${text}"`);
      expect([...bad].slice(0, 10)).toEqual([]);
    });
  }
});
