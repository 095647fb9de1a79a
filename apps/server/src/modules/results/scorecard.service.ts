import type { UnitScore } from '@jixiao/contracts';
import type { EvaluationResult, Plan } from '@jixiao/engine';
import JSZip from 'jszip';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Download } from '../../platform/download.js';
import { notFound, unavailable } from '../../platform/errors.js';
import type { JobKindDef } from '../../platform/jobs/jobs.js';
import { pdfFontMissing } from '../../platform/pdf.js';
import { planInScope } from '../plans/plans.policy.js';
import * as plansRepo from '../plans/plans.repository.js';
import { oneRunPerYear, rankHistory } from './released-years.js';
import { chosenRun, evaluatedRun, type StoredResult } from './results.service.js';
import { scorecardPdf } from './scorecard-pdf.js';
import { scorecardView } from './scorecard-view.js';

/**
 * Scorecards (效能成绩单, issue 11 point 6): one unit's as a PDF, and every unit's of a run as a
 * .zip made by a background job (kind `scorecards`) with its progress per unit.
 */

const PDF = 'application/pdf';

/** A file name part without path separators or characters Windows refuses. */
const safe = (s: string) =>
  s
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();

/** The system's released years, the newest run each (a scorecard's rank over the years). */
const releasedYears = async (db: Executor, systemId: number) =>
  oneRunPerYear(await plansRepo.releasedYearRuns(db, systemId, 9999));

/** One unit's scorecard from a run already evaluated (`result`), with its rank over the `years`. */
function unitPdf(
  deps: Deps,
  plan: plansRepo.PlanRow,
  run: plansRepo.RunRow,
  stored: StoredResult,
  result: EvaluationResult,
  unit: UnitScore,
  years: readonly plansRepo.YearRunRow[],
) {
  const doc = plan.document as unknown as Plan;
  const view = scorecardView({
    plan: plan.name,
    period: run.period,
    status: run.status,
    unit,
    groupName: doc.groups?.find((g) => g.code === unit.group)?.name ?? '',
    of: stored.units.filter((u) => u.group === unit.group).length,
    trace: result.trace(unit.unit),
    decimals: doc.rounding?.decimals ?? 2,
    history: rankHistory(years, unit.unit),
  });
  return scorecardPdf(deps.config, view);
}

/** GET …/runs/:runId/units/:unit/scorecard.pdf: a unit gets its own only; the office any unit's. */
export async function unitScorecard(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  runId: number,
  code: string,
): Promise<Download> {
  const db = deps.database.db;
  const found = await plansRepo.findRun(db, planId, runId);
  if (!found) {
    await planInScope(db, ctx.actor!, planId, 'results.read');
    throw notFound('This run');
  }
  const { plan, run, stored, visible } = await chosenRun(db, ctx, planId, found.period, runId);
  const unit = stored.units.find((u) => u.unit === code);
  if (!unit || (visible && !visible.has(code))) throw notFound(`Unit ${code} in these results`);
  if (pdfFontMissing(deps.config)) throw unavailable('pdf.font_missing', { font: deps.config.pdfFont });
  const result = await evaluatedRun(deps, run);
  return {
    fileName: `效能成绩单-${safe(unit.name)}-${run.period}.pdf`,
    asciiName: `scorecard-${safe(unit.unit)}-${run.period}.pdf`,
    contentType: PDF,
    data: await unitPdf(deps, plan, run, stored, result, unit, await releasedYears(db, plan.systemId)),
  };
}

/**
 * The batch: every unit's scorecard of a run as one .zip, in group and placement order. The
 * office of the plan starts it (and, besides its creator, reads it).
 */
export const scorecardsJob: JobKindDef<{ planId: number; runId: number }> = {
  kind: 'scorecards',
  async authorize(deps, ctx, { planId, runId }) {
    const db = deps.database.db;
    await planInScope(db, ctx.actor!, planId, 'results.compute');
    if (!(await plansRepo.findRun(db, planId, runId))) throw notFound('This run');
  },
  ready(deps) {
    if (pdfFontMissing(deps.config)) throw unavailable('pdf.font_missing', { font: deps.config.pdfFont });
  },
  async run(deps, { planId, runId }, progress) {
    const db = deps.database.db;
    const plan = await plansRepo.findPlan(db, planId);
    const run = await plansRepo.findRun(db, planId, runId);
    if (!plan || !run) throw notFound('This run');
    const stored = run.result as unknown as StoredResult;
    const result = await evaluatedRun(deps, run);
    const units = [...stored.units].sort(
      (a, b) => a.group.localeCompare(b.group) || a.placement - b.placement || a.unit.localeCompare(b.unit),
    );
    const years = await releasedYears(db, plan.systemId);
    const zip = new JSZip();
    await progress(0, units.length);
    for (const [i, unit] of units.entries()) {
      zip.file(
        `${safe(unit.group)}-${safe(unit.unit)}-${safe(unit.name)}.pdf`,
        await unitPdf(deps, plan, run, stored, result, unit, years),
      );
      await progress(i + 1, units.length);
    }
    return {
      fileName: `效能成绩单-${safe(plan.name)}-${run.period}.zip`,
      contentType: 'application/zip',
      data: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }),
    };
  },
};
