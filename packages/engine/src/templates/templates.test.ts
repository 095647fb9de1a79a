import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import type { UnitInput } from '../input';
import { validatePlan } from '../plan/validate';
import type { TraceNode } from '../result';
import { roundDecimal } from '../rounding';
import { generateTemplateData, templates } from './index';

/** Sum of the leaves of a trace node, to check the trace reproduces its own numbers. */
describe('shipped templates', () => {
  for (const tpl of templates) {
    describe(tpl.id, () => {
      it('validates', () => {
        expect(validatePlan(tpl.plan)).toEqual([]);
      });
      it('scores its data end to end, with traces that match the results', () => {
        const r = evaluate(tpl.plan, tpl.data);
        expect(r.units.length).toBe(tpl.data.units.length);
        for (const u of r.units) {
          expect(Number.isFinite(u.total)).toBe(true);
          expect(u.grade).not.toBeNull();
          const tr = r.trace(u.unit);
          expect(tr.total.value).toBe(u.total);
          expect(tr.components.map((c) => c.score)).toEqual(u.components.map((c) => c.score));
          // Every number in the trace follows from the ones below it: raw → (rounding) → score.
          const { decimals, mode } = tr.rounding;
          const check = (n: TraceNode): void => {
            n.children.forEach(check);
            if (n.raw === null || n.score === null) return;
            expect(
              n.rounding ? roundDecimal(n.raw, decimals, mode as 'half_up') : n.raw,
              `${u.unit} ${n.code}`,
            ).toBe(n.score);
          };
          tr.components.forEach(check);
          expect(
            tr.base.rounding ? roundDecimal(tr.base.raw, decimals, mode as 'half_up') : tr.base.raw,
          ).toBe(tr.base.value);
          expect(
            tr.total.rounding ? roundDecimal(tr.total.raw, decimals, mode as 'half_up') : tr.total.raw,
          ).toBe(tr.total.value);
        }
        const grades = new Set(r.units.map((u) => u.grade!.code));
        expect(grades.size).toBeGreaterThan(1);
      });
    });
  }

  it('the JSON schema lists the same required top-level keys as the validator needs', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../../../docs/plan.schema.json', import.meta.url), 'utf8'),
    );
    expect([...schema.required].sort()).toEqual(
      [
        'format',
        'id',
        'name',
        'period',
        'scoring',
        'categories',
        'groups',
        'components',
        'indicators',
        'grades',
      ].sort(),
    );
    for (const tpl of templates) for (const k of schema.required) expect(tpl.plan).toHaveProperty(k);
  });
});

describe('generateTemplateData for the demo city (125 Wuxi units)', () => {
  const counts: [string, number][] = [
    ['A', 32],
    ['B1', 20],
    ['B2', 26],
    ['C1', 23],
    ['C2', 24],
  ];
  const units: UnitInput[] = counts.flatMap(([g, n]) =>
    Array.from({ length: n }, (_, i) => ({ code: `${g}-${i + 1}`, group: g })),
  );

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateTemplateData('wuxi-departments-2016', units, 7);
    const b = generateTemplateData('wuxi-departments-2016', units, 7);
    const c = generateTemplateData('wuxi-departments-2016', units, 8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
  it('scores all 125 units with quotas per group', () => {
    const tpl = templates.find((x) => x.id === 'wuxi-departments-2016')!;
    const r = evaluate(tpl.plan, generateTemplateData(tpl.id, units, 2016));
    expect(r.units).toHaveLength(125);
    for (const [g, n] of counts) {
      const excellent = r.units.filter((u) => u.group === g && u.grade!.code === 'excellent').length;
      expect(excellent).toBeLessThanOrEqual(Math.floor(0.3 * n));
    }
    expect(r.rankings.find((x) => x.code === 'top20')!.entries).toHaveLength(78); // A 32 + B 46
    expect(r.awards.find((x) => x.code === 'top20')!.units.length).toBeGreaterThanOrEqual(20);
  });
  it('rejects an unknown template id', () => {
    expect(() => generateTemplateData('nope', units, 1)).toThrow(/unknown template "nope"/);
  });
});
