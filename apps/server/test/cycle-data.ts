import type { EvaluationInput } from '@jixiao/engine';
import { insertEvent } from '../src/modules/events/events.repository.js';
import { insertImportBatch, insertReferences } from '../src/modules/inputs/inputs.repository.js';
import { hasReference, referenceFigures } from '../src/modules/inputs/references.js';
import { insertSubmissions } from '../src/modules/submissions/submissions.repository.js';
import type { TestEnv } from './helpers.js';

/**
 * Fill the cycle's tables with an engine input, as an office import would: values become verified
 * submissions of one import batch, targets and other office figures reference values, events
 * approved cycle events. Test fixtures only — users go through POST /api/plans/:id/imports.
 */
export async function fillCycle(env: TestEnv, planId: number, input: Omit<EvaluationInput, 'units'>) {
  const db = env.database.db;
  const ids = new Map(
    (await env.database.query<{ id: number; code: string }>('select id, code from org_node')).map((r) => [
      r.code,
      r.id,
    ]),
  );
  const at = env.clock.now;
  const unitId = (code: string) => {
    const id = ids.get(code);
    if (!id) throw new Error(`fillCycle: no org node ${code}`);
    return id;
  };
  return db.transaction(async (tx) => {
    const batch = await insertImportBatch(tx, {
      planId,
      period: input.period,
      fileName: 'fixture.json',
      sha256: 'fixture',
      format: 'json',
      rows: input.values.length,
      counts: { values: 0, references: 0, bonuses: 0, deductions: 0, vetoes: 0 },
      createdAt: at,
      createdBy: 'fixture',
    });
    const values = input.values.filter((v) => v.value !== undefined && v.value !== null);
    if (values.length)
      await insertSubmissions(
        tx,
        values.map((v) => ({
          planId,
          unitId: unitId(v.unit),
          indicator: v.indicator,
          period: input.period,
          value: v.value!,
          status: 'verified',
          source: 'import',
          importBatchId: batch.id,
          submittedAt: at,
          submittedBy: 'fixture',
          verifiedAt: at,
          verifiedBy: 'fixture',
          createdAt: at,
          updatedAt: at,
        })),
      );
    await insertReferences(
      tx,
      input.values.filter(hasReference).map((v) => ({
        planId,
        period: input.period,
        unitId: unitId(v.unit),
        indicator: v.indicator,
        ...referenceFigures(v),
        importBatchId: batch.id,
        updatedAt: at,
      })),
    );
    // Bonuses, deductions and vetoes as approved events of the batch, in that order.
    const events = [
      ...(input.bonuses ?? []).map((b) => ({
        unit: b.unit,
        kind: 'bonus',
        code: b.source,
        points: b.points,
        reason: b.reason ?? '—',
      })),
      ...(input.deductions ?? []).map((d) => ({
        unit: d.unit,
        kind: 'deduction',
        indicator: d.indicator ?? null,
        points: d.points,
        reason: d.reason,
      })),
      ...(input.vetoes ?? []).map((v) => ({
        unit: v.unit,
        kind: 'veto',
        code: v.event,
        reason: v.reason ?? '—',
      })),
    ];
    for (const { unit, ...e } of events)
      await insertEvent(tx, {
        planId,
        period: input.period,
        status: 'approved',
        source: 'import',
        importBatchId: batch.id,
        unitId: unitId(unit),
        ...e,
      });
    return batch;
  });
}
