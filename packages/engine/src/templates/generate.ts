import { compilePlan } from '../compile';
import type { EvaluationInput, UnitInput, ValueInput } from '../input';
import { METHODS } from '../methods/index';
import { round2 } from '../methods/types';
import { elapsedFraction, parsePeriod } from '../period';
import type { MethodSpec, Plan } from '../plan/types';
import { hashString, mulberry32 } from './prng';

export interface GenerateOptions {
  /** Period code; default the plan's year ('<year>-Y'). */
  period?: string;
  /** Share of units with a veto event (default 0.02). */
  vetoShare?: number;
}

/**
 * Plausible made-up inputs for a plan and any unit list, deterministic in (plan, units, seed,
 * period): each unit gets a hidden "performance level" and every indicator's inputs are drawn
 * around it in the form its method needs. Used for templates' demo data and for seeding the
 * demo city. Never uses Math.random.
 */
export function generatePlanData(
  plan: Plan,
  units: UnitInput[],
  seed: number,
  opts: GenerateOptions = {},
): EvaluationInput {
  const cp = compilePlan(plan);
  const period = opts.period ?? `${plan.year ?? 2016}-Y`;
  const p = parsePeriod(period);
  const elapsed = p ? elapsedFraction(p, 'month') : 1;
  const values: ValueInput[] = [];
  const bonuses: EvaluationInput['bonuses'] = [];
  const deductions: EvaluationInput['deductions'] = [];
  const vetoes: EvaluationInput['vetoes'] = [];
  const vetoShare = opts.vetoShare ?? 0.02;
  for (const u of units) {
    const rnd = mulberry32(hashString(`${seed}|${period}|${u.code}`));
    const level = 0.82 + 0.22 * rnd(); // 0.82–1.04: how well this unit does overall
    const jitter = () => 1 + (rnd() - 0.5) * 0.12;
    const g = cp.groupByCode.get(u.group) ?? 0;
    for (const j of cp.leaves) {
      const n = cp.nodes[j]!;
      const full = cp.full[g * cp.nodes.length + j]!;
      if (full <= 0) continue;
      const v = cellFor(n.method!, n.direction, level, jitter, rnd, elapsed, full);
      values.push({ unit: u.code, indicator: n.code, ...v });
    }
    const sources = plan.bonus?.sources ?? [];
    const drawBonus = (min: number, span: number) => {
      const s = sources[Math.floor(rnd() * sources.length)]!;
      bonuses.push({
        unit: u.code,
        source: s.code,
        points: round2(min + rnd() * span),
        reason: `${s.name}（示例）`,
      });
    };
    if (sources.length > 0 && rnd() < 0.35) {
      drawBonus(0.5, 4);
      if (rnd() < 0.3) drawBonus(1, 5);
    }
    if (rnd() < 0.15)
      deductions.push({ unit: u.code, points: round2(0.5 + rnd() * 2), reason: '督查通报（示例）' });
    if (plan.veto && rnd() < vetoShare)
      vetoes.push({ unit: u.code, event: 'safety_accident', reason: '重大安全生产事故（示例）' });
  }
  return { period, units, values, bonuses, deductions, vetoes };
}

/** A method draws its own inputs (its `sample`); the draws before it keep every stream stable. */
function cellFor(
  m: MethodSpec,
  direction: 'higher' | 'lower',
  level: number,
  jitter: () => number,
  rnd: () => number,
  elapsed: number,
  full: number,
): Omit<ValueInput, 'unit' | 'indicator'> {
  const target = Math.round(100 + rnd() * 900);
  const perf = level * jitter(); // around 0.8–1.1
  return METHODS[m.kind].sample(m, { direction, target, perf, rnd, elapsed, full });
}
