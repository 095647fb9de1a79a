/**
 * `jixiao evaluate` as text: the ranked table and a unit's explanation, in Chinese (default) or
 * English. The explanation is the engine's steps rendered with the same templates and renderer
 * as the web (packages/contracts explain); the few words of the table live here.
 */
import {
  dictTranslate,
  type ExplainLang,
  explainTemplates,
  renderStep,
  renderSteps,
  renderVars,
  type Translate,
} from '@jixiao/contracts';
import type { EvaluationResult, Plan, TraceNode, TraceStep, UnitTrace } from '@jixiao/engine';

const words = {
  'zh-CN': {
    unit: '单位',
    name: '名称',
    total: '总分',
    rank: '名次',
    grade: '等次',
    vetoed: '（一票否决）',
    base: '基础分',
    bonus: '加分',
    deductions: '扣分',
    vetoes: '一票否决',
    none: '无',
    placement: '排名',
    inputs: '输入',
    rounding: '舍入',
    leftOut: '不计分',
  },
  en: {
    unit: 'unit',
    name: 'name',
    total: 'total',
    rank: 'rank',
    grade: 'grade',
    vetoed: ' (veto)',
    base: 'base',
    bonus: 'bonus',
    deductions: 'deductions',
    vetoes: 'vetoes',
    none: 'none',
    placement: 'rank',
    inputs: 'inputs',
    rounding: 'rounding',
    leftOut: 'left out',
  },
} as const;

export const LANGS = Object.keys(words) as ExplainLang[];

const pad = (s: string, n: number) => {
  // CJK characters take two columns in a terminal.
  const w = [...s].reduce((a, c) => a + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
};

/** The ranked table per group, in the plan's group order. */
export function tableText(plan: Plan, result: EvaluationResult, lang: ExplainLang): string {
  const w = words[lang];
  const d = result.decimals;
  const lines = [`${plan.name} — ${result.period}`];
  for (const g of plan.groups) {
    const rows = result.units.filter((u) => u.group === g.code).sort((a, b) => a.placement - b.placement);
    if (rows.length === 0) continue;
    lines.push(`\n[${g.code}] ${g.name ?? g.code}`);
    lines.push(`${pad(w.unit, 10)} ${pad(w.name, 34)} ${pad(w.total, 8)} ${pad(w.rank, 5)}  ${w.grade}`);
    for (const u of rows)
      lines.push(
        `${pad(u.unit, 10)} ${pad(u.name ?? '', 34)} ${u.total.toFixed(d).padStart(8)} ${String(u.rank).padStart(5)}  ${
          u.grade ? `${u.grade.name}${u.grade.downgraded ? w.vetoed : ''}` : ''
        }`,
      );
  }
  return lines.join('\n');
}

/** One unit's explanation: every node with its steps, then base, bonus, deductions, total, rank, grade. */
export function traceText(tr: UnitTrace, name: string | undefined, lang: ExplainLang): string {
  const w = words[lang];
  const t: Translate = dictTranslate(explainTemplates[lang]);
  const lines = [`[${tr.unit}]${name ? ` ${name}` : ''} — ${tr.period}`];
  const node = (n: TraceNode, depth: number): void => {
    const ind = '  '.repeat(depth);
    const score = n.score === null ? w.leftOut : String(n.score);
    lines.push(`${ind}${n.code} ${n.name}  ${score} / ${n.full}`);
    const more = `${ind}    `;
    if (n.steps.length > 0) lines.push(`${more}${renderSteps(n.steps, t)}`);
    if (Object.keys(n.vars).length > 0) lines.push(`${more}${w.inputs}: ${renderVars(n.vars, t)}`);
    for (const note of n.notes) lines.push(`${more}${renderStep(note, t)}`);
    if (n.rounding) lines.push(`${more}${w.rounding}: ${renderStep(n.rounding, t)}`);
    for (const c of n.children) node(c, depth + 1);
  };
  for (const c of tr.components) node(c, 1);
  const step = (label: string, s: TraceStep) => {
    const r = s.rounding ? renderStep(s.rounding, t) : String(s.raw);
    lines.push(`  ${label}: ${renderSteps(s.steps, t)}`, `    = ${r} → ${s.value}`);
  };
  step(w.base, tr.base);
  lines.push(`  ${w.bonus}: ${renderSteps(tr.bonus.steps, t)} = ${tr.bonus.capped}`);
  lines.push(`  ${w.deductions}: ${renderSteps(tr.deductions.steps, t)} = ${tr.deductions.total}`);
  const vetoes = tr.vetoes.map((v) => v.reason || v.event).join(t('listSep'));
  lines.push(`  ${w.vetoes}: ${vetoes || w.none}`);
  step(w.total, tr.total);
  lines.push(`  ${w.placement}: ${renderStep(tr.rank, t)}`, `  ${w.grade}: ${renderStep(tr.grade, t)}`);
  return lines.join('\n');
}
