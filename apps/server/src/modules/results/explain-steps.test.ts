import { explanationStep, stepCodes } from '@jixiao/contracts';
import {
  evaluate,
  generatePlanData,
  STEP_CODES,
  type Step,
  type TraceNode,
  templates,
  type UnitTrace,
} from '@jixiao/engine';
import { describe, expect, it } from 'vitest';

/** Every step of one unit's trace. */
function stepsOf(tr: UnitTrace): Step[] {
  const out: Step[] = [];
  const node = (n: TraceNode): void => {
    out.push(...n.steps, ...n.notes, ...(n.rounding ? [n.rounding] : []));
    n.children.forEach(node);
  };
  tr.components.forEach(node);
  for (const s of [tr.base, tr.total]) out.push(...s.steps, ...(s.rounding ? [s.rounding] : []));
  out.push(...tr.bonus.steps, ...tr.deductions.steps, tr.rank, tr.grade);
  return out;
}

describe('explanation steps: the engine and the contracts agree', () => {
  it('the engine lists exactly the codes the contracts declare', () => {
    expect([...STEP_CODES].sort()).toEqual([...stepCodes].sort());
  });

  it('every step the engine emits over the shipped templates parses with its code’s param shape', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const tpl of templates) {
      const year = tpl.data.period.slice(0, 4);
      const inputs = [tpl.data, generatePlanData(tpl.plan, tpl.data.units, 3, { period: `${year}-M07` })];
      for (const input of inputs) {
        const r = evaluate(tpl.plan, input);
        for (const u of r.units)
          for (const s of stepsOf(r.trace(u.unit))) {
            seen.add(s.code);
            const p = explanationStep.safeParse(JSON.parse(JSON.stringify(s)));
            if (!p.success && bad.length < 10) bad.push(`${tpl.id} ${u.unit} ${s.code}: ${p.error.message}`);
          }
      }
    }
    expect(bad).toEqual([]);
    // The templates exercise most codes (the rest are covered by the engine's method tests).
    expect(seen.size).toBeGreaterThan(25);
  });
});
