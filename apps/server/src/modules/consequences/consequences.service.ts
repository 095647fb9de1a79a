import type { RunConsequences, UnitArchive } from '@jixiao/contracts';
import {
  type ConsequenceRule,
  consequences,
  type EvaluationResult,
  type Plan,
  type YearStanding,
  yearPeriod,
} from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import { orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Download, XLSX } from '../../platform/download.js';
import { conflict, notFound } from '../../platform/errors.js';
import { tableWorkbook } from '../../platform/xlsx-table.js';
import * as orgRepo from '../org/org.repository.js';
import { inSystemScope, systemScope } from '../plans/plans.policy.js';
import * as plansRepo from '../plans/plans.repository.js';
import { oneRunPerYear } from '../results/released-years.js';
import { chosenRun, evaluatedRun, runPlan } from '../results/results.service.js';
import { inputsText, resultText } from './consequence-text.js';
import { currentUnits, needsIndicators, type StoredYear, yearStandings } from './consequences-input.js';

/**
 * Use of results (issue 11 points 5 and 7). Consequences are derived on every read from released
 * (or publicity / approval) runs and the system's earlier released year-end runs — which never
 * change (migration trigger) — so they are reproducible and nothing stored can be edited.
 */

const rulesOf = (plan: Pick<Plan, 'consequences'>) =>
  (plan.consequences ?? []).map((r: ConsequenceRule) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    ref: r.ref ?? null,
  }));

/** The system's released years before `year`, one run each (the newest), as stored years. */
async function archiveBefore(db: Executor, systemId: number, year: number) {
  const rows = oneRunPerYear(await plansRepo.releasedYearRuns(db, systemId, year - 1));
  return rows.map((r) => ({
    row: r,
    stored: { year: r.year, units: r.units, rankings: r.rankings, plan: r.document as unknown as Plan },
  }));
}

/** The consequence lines of one stored year given the archive before it. */
function linesOf(plan: Plan, year: StoredYear, archive: YearStanding[], recomputed: EvaluationResult | null) {
  return consequences(plan, currentUnits(year, recomputed), archive);
}

export async function runConsequences(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  runId: number,
): Promise<RunConsequences> {
  const db = deps.database.db;
  const found = await plansRepo.findRun(db, planId, runId);
  if (!found) throw notFound('This run');
  const { plan, run, stored, visible } = await chosenRun(db, ctx, planId, found.period, runId);
  if (run.period !== yearPeriod(plan.year))
    throw conflict('consequences.year_end_only', { period: run.period, year: plan.year });
  const doc = await runPlan(db, run);
  const archive = await archiveBefore(db, plan.systemId, plan.year);
  const year: StoredYear = { year: plan.year, units: stored.units, rankings: stored.rankings, plan: doc };
  const recomputed = needsIndicators(doc) ? await evaluatedRun(deps, run) : null;
  const lines = new Map(
    linesOf(
      doc,
      year,
      archive.flatMap((a) => yearStandings(a.stored)),
      recomputed,
    ).map((u) => [u.unit, u.lines]),
  );
  return {
    runId: run.id,
    planId,
    systemId: plan.systemId,
    period: run.period,
    year: plan.year,
    status: run.status,
    rules: rulesOf(doc),
    archive: archive.map((a) => ({ year: a.row.year, planId: a.row.planId, runId: a.row.runId })),
    units: stored.units
      .filter((u) => !visible || visible.has(u.unit))
      .map((u) => ({
        unit: u.unit,
        unitId: u.unitId,
        name: u.name,
        group: u.group,
        total: u.total,
        rank: u.rank,
        grade: u.grade,
        lines: lines.get(u.unit) ?? [],
      })),
  };
}

export const CONSEQUENCE_HEADERS = [
  '单位代码',
  '单位名称',
  '组别',
  '名次',
  '总分',
  '等次',
  '规则',
  '依据',
  '结果运用',
  '计算依据',
] as const;

/** The lines the caller sees as an .xlsx for the organisation department: one row per line. */
export async function exportConsequences(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  runId: number,
): Promise<Download> {
  const c = await runConsequences(deps, ctx, planId, runId);
  const rules = new Map(c.rules.map((r) => [r.code, r]));
  const plan = await runPlan(deps.database.db, (await plansRepo.findRun(deps.database.db, planId, runId))!);
  const grades = new Map(plan.grades.levels.map((l) => [l.code, l.name]));
  const gradeName = (code: unknown) => grades.get(String(code)) ?? String(code ?? '—');
  const rows = c.units.flatMap((u) =>
    u.lines.map((l) => [
      u.unit,
      u.name,
      u.group,
      u.rank,
      u.total,
      u.grade?.name ?? null,
      rules.get(l.rule)?.name ?? l.rule,
      rules.get(l.rule)?.ref ?? null,
      resultText(l),
      inputsText(l, gradeName),
    ]),
  );
  return {
    fileName: `结果运用-${c.period}.xlsx`,
    asciiName: `consequences-${c.period}.xlsx`,
    contentType: XLSX,
    data: await tableWorkbook(`结果运用 ${c.period}`, CONSEQUENCE_HEADERS, rows),
  };
}

/** Whether the actor reads this unit's results: the office, leaders and assessors all; a unit its own. */
async function mayReadUnit(db: Executor, ctx: Ctx, systemId: number, path: string) {
  const actor = ctx.actor!;
  if (!inSystemScope(await systemScope(db, actor, 'results.read'), systemId)) return false;
  const s = orgScope(actor, 'results.read');
  return s.all || s.systemIds.includes(systemId) || s.paths.some((p) => path.startsWith(p));
}

/**
 * A unit's archive (考核纪实档案, W5): every released year-end result of its system with its total,
 * rank, grade, awards and the consequence lines of that year (each year read with the years before).
 */
export async function unitArchive(deps: Deps, ctx: Ctx, code: string, system?: number): Promise<UnitArchive> {
  const db = deps.database.db;
  const [node] = await orgRepo.findNodesByCodes(db, [code]);
  const systemId = system ?? node?.systemId ?? null;
  if (!node || systemId === null || !(await mayReadUnit(db, ctx, systemId, node.path)))
    throw notFound(`Unit ${code}`);
  const years = oneRunPerYear(await plansRepo.releasedYearRuns(db, systemId, 9999));
  const standings: YearStanding[] = [];
  const out: UnitArchive['years'] = [];
  for (const r of years) {
    const plan = r.document as unknown as Plan;
    const year: StoredYear = { year: r.year, units: r.units, rankings: r.rankings, plan };
    const mine = r.units.find((u) => u.unit === code);
    if (mine) {
      const recomputed = needsIndicators(plan)
        ? await evaluatedRun(deps, (await plansRepo.findRunById(db, r.runId))!)
        : null;
      const lines =
        consequences(plan, currentUnits(year, recomputed), standings).find((u) => u.unit === code)?.lines ??
        [];
      const awardNames = new Map(r.awards.map((a) => [a.code, a.name]));
      out.push({
        year: r.year,
        planId: r.planId,
        runId: r.runId,
        group: mine.group,
        groupSize: r.units.filter((u) => u.group === mine.group).length,
        total: mine.total,
        rank: mine.rank,
        grade: mine.grade,
        vetoed: mine.vetoes.length > 0,
        awards: mine.awards.map((a) => awardNames.get(a) ?? a),
        rules: rulesOf(plan),
        lines,
      });
    }
    standings.push(...yearStandings(year));
  }
  return { unit: code, name: node.name, systemId, years: out };
}
