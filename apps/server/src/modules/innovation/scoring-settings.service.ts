import {
  type ScoringSettings,
  type ScoringUpdate,
  type ScoringView,
  scoringSettings,
} from '@jixiao/contracts';
import {
  checkAggregation,
  checkBonus,
  checkDispersion,
  checkTopTen,
  type InnovationIssue,
  sourceCap,
  validateRubric,
} from '@jixiao/engine';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, conflict, versionConflict } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as plansRepo from '../plans/plans.repository.js';
import { usablePlan } from '../results/results.service.js';
import { visibleCall } from './calls.service.js';
import type * as repo from './innovation.repository.js';
import { isOffice } from './innovation-access.js';
import * as scoringRepo from './scoring.repository.js';

/**
 * A call's scoring settings (issue 12 points 4–5): the rubric, the panel's trimmed mean and
 * normalisation, the top ten, rank → bonus (plan, source, bands) and whether units see the judges'
 * names. Stored on the call (jsonb, versioned with it), checked by the engine's check functions:
 * every problem comes back at once as `{ code, path, params }` naming the field (400). The rubric
 * is fixed once a judge has submitted a sheet (409 `innovation.rubric_locked`).
 */

/** The stored settings with the defaults filled in (a new call: the default rubric). */
export const settingsOf = (call: Pick<repo.CallRow, 'scoring'>): ScoringSettings =>
  scoringSettings.parse(call.scoring ?? {});

type Issue = { code: string; path: string; params: Record<string, unknown> };
/** The engine's issue with its `config.` path moved under the settings' section. */
const under = (section: string, list: InnovationIssue[]): Issue[] =>
  list.map((i) => ({
    code: i.code,
    path: `${section}.${i.path.replace(/^config\./, '').replace(/^n$/, 'size')}`,
    params: i.params,
  }));

/** Every problem of the settings for this call (empty: valid). */
export async function checkSettings(db: Executor, call: repo.CallRow, s: ScoringSettings) {
  const issues: Issue[] = [
    ...under('rubric', validateRubric(s.rubric)),
    ...under('aggregation', checkAggregation(s.aggregation)),
    ...under('topTen', checkTopTen({ n: s.topTen.size, categories: s.topTen.categories })),
    ...under('dispersion', checkDispersion(s.dispersion)),
    ...under(
      'bonus',
      checkBonus({
        rankOf: s.bonus.rankOf,
        table: s.bonus.table,
        tables: s.bonus.tables,
        source: s.bonus.source ?? '-',
        cap: null,
        decimals: s.bonus.decimals,
      }),
    ),
  ];
  const known = new Set(call.categories.map((c) => c.code));
  for (const [section, cats] of [
    ['topTen.categories', Object.keys(s.topTen.categories)],
    ['bonus.tables', Object.keys(s.bonus.tables)],
  ] as const)
    for (const category of cats)
      if (!known.has(category))
        issues.push({
          code: 'innovation.unknown_category',
          path: `${section}.${category}`,
          params: { category },
        });
  const { planId, source } = s.bonus;
  if ((planId === null) !== (source === null))
    issues.push({ code: 'required', path: planId === null ? 'bonus.planId' : 'bonus.source', params: {} });
  if (planId !== null && source !== null) {
    const plan = await plansRepo.findPlan(db, planId);
    if (!plan || plan.status === 'archived')
      issues.push({ code: 'innovation.unknown_plan', path: 'bonus.planId', params: { planId } });
    else
      try {
        sourceCap(usablePlan(plan.document).bonus, source);
      } catch {
        issues.push({ code: 'unknown_bonus_source', path: 'bonus.source', params: { source } });
      }
  }
  return issues;
}

export function assertSettings(issues: Issue[]) {
  if (issues.length)
    throw new AppError('VALIDATION_FAILED', `${issues[0]!.path}: ${issues[0]!.code}`, issues);
}

async function present(db: Executor, ctx: Ctx, call: repo.CallRow): Promise<ScoringView> {
  const sheets = (await scoringRepo.sheetStats(db, call.id)).n;
  return {
    callId: call.id,
    settings: settingsOf(call),
    sheets,
    rubricLocked: sheets > 0,
    can: { edit: isOffice(ctx.actor!) },
    version: call.version,
  };
}

export async function getScoring(deps: Deps, ctx: Ctx, callId: number) {
  const db = deps.database.db;
  return present(db, ctx, await visibleCall(db, ctx, callId));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateScoring(deps: Deps, ctx: Ctx, callId: number, body: ScoringUpdate) {
  const { version, ...input } = body;
  const next = scoringSettings.parse(input);
  return deps.database.db.transaction(async (tx) => {
    const call = await visibleCall(tx, ctx, callId);
    if (version !== call.version) throw versionConflict('The innovation call');
    assertSettings(await checkSettings(tx, call, next));
    const before = settingsOf(call);
    const sheets = (await scoringRepo.sheetStats(tx, call.id)).n;
    if (sheets > 0 && !same(before.rubric, next.rubric))
      throw conflict('innovation.rubric_locked', { sheets });
    const row = await scoringRepo.updateCallScoring(tx, call.id, version, { scoring: next });
    if (!row) throw versionConflict('The innovation call');
    await recordAudit(deps, tx, ctx, {
      action: 'innovation_call.scoring',
      objectType: 'innovation_call',
      objectId: call.id,
      before: { scoring: before, version },
      after: { scoring: next, version: row.version },
    });
    return present(tx, ctx, row);
  });
}
