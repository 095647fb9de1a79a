/**
 * Pure view model of a run's state on the results page (issue 8 point 5, issue 11 points 2–4): a
 * computed run is a draft only the office sees; the office publishes it for publicity and submits
 * it; a leader approves it (the release) or returns it; units see runs in publicity or released.
 */
import type { EvaluationRun, RunStatus, RunSummary } from '@jixiao/contracts';
import { isApiError } from '../../shared/api.js';

/** What the status tag and the step buttons read of a run (a summary or a whole run). */
export type RunState = Pick<
  RunSummary,
  | 'status'
  | 'latest'
  | 'releasedAt'
  | 'releasedBy'
  | 'computedAt'
  | 'computedBy'
  | 'submittedAt'
  | 'submittedBy'
  | 'publicity'
>;

/** A run of a plan's period, as the run buttons and the what-if panel are given it. */
export interface RunRef {
  planId: number;
  period: string;
  run: EvaluationRun;
}

export interface StatusView {
  /** i18n key of the tag: 草稿 / 公示中 / 待审定 / 已发布 / 已被替代. */
  key: `runs.status.${RunStatus}`;
  color: string;
  /** i18n key and params of the line beside it (who took the run's last step, and when). */
  detailKey: 'runs.computedBy' | 'runs.publishedByAt' | 'runs.submittedByAt' | 'runs.releasedByAt';
  by: string;
  at: string | null;
}

const colors: Record<RunStatus, string> = {
  draft: 'gold',
  publicity: 'purple',
  approval: 'orange',
  released: 'green',
  superseded: 'default',
};

/** The run's state and its last step: released by the leader, submitted, published, or computed. */
export function statusView(run: RunState): StatusView {
  const key = `runs.status.${run.status}` as const;
  const color = colors[run.status];
  if (run.status === 'released')
    return { key, color, detailKey: 'runs.releasedByAt', by: run.releasedBy ?? '—', at: run.releasedAt };
  if (run.status === 'approval')
    return { key, color, detailKey: 'runs.submittedByAt', by: run.submittedBy ?? '—', at: run.submittedAt };
  if (run.status === 'publicity' && run.publicity)
    return {
      key,
      color,
      detailKey: 'runs.publishedByAt',
      by: run.publicity.publishedBy ?? '—',
      at: run.publicity.publishedAt,
    };
  return { key, color, detailKey: 'runs.computedBy', by: run.computedBy ?? '—', at: run.computedAt };
}

export type RunStepName = 'publish' | 'submit' | 'approve' | 'return' | 'correct';

/**
 * The steps the caller may take on the run shown (the server decides again): the office publishes
 * the latest draft, submits it (or a run in publicity) to the leaders, corrects a release; a
 * leader approves or returns a run waiting for approval.
 */
export function runSteps(
  run: Pick<RunState, 'status' | 'latest'>,
  can: { release: boolean; approve: boolean; compute: boolean },
): RunStepName[] {
  const steps: RunStepName[] = [];
  if (run.status === 'released') return can.compute ? ['correct'] : [];
  if (!run.latest) return steps;
  if (can.release && run.status === 'draft') steps.push('publish');
  if (can.release && (run.status === 'draft' || run.status === 'publicity')) steps.push('submit');
  if (can.approve && run.status === 'approval') steps.push('approve', 'return');
  return steps;
}

/** The server refused to compute because the period is still open for submissions: ask, then resend. */
export const isPeriodOpen = (e: unknown) => isApiError(e) && e.code === 'PERIOD_OPEN';

/** A step refused because a newer run exists, or someone took a step meanwhile: refresh. */
export const isStaleStep = (e: unknown) =>
  isApiError(e) && (e.code === 'RUN_NOT_LATEST' || e.code === 'CONFLICT');

/** What an empty results page says: the office has computed nothing yet; others wait for the publicity or release. */
export const emptyKey = (office: boolean) => (office ? 'runs.noneComputed' : 'runs.notReleased');

/** The `?run=` of the URL, when it names one of the runs listed (else the latest is shown). */
export function runParam(
  raw: string | null,
  runs: readonly Pick<RunSummary, 'id'>[] | undefined,
): number | undefined {
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const id = Number(raw);
  if (runs && !runs.some((r) => r.id === id)) return undefined;
  return id;
}

export interface RankCell {
  rank: number;
  /** Another unit of the group has the same rank. */
  tied: boolean;
}

/**
 * One rank per unit of a group (the results table shows one 名次 column): the engine's rank,
 * marked when shared. `placement` is only the published order of the rows.
 */
export function rankCells(
  units: readonly Pick<EvaluationRun['units'][number], 'unit' | 'rank'>[],
): Map<string, RankCell> {
  const count = new Map<number, number>();
  for (const u of units) count.set(u.rank, (count.get(u.rank) ?? 0) + 1);
  return new Map(units.map((u) => [u.unit, { rank: u.rank, tied: (count.get(u.rank) ?? 0) > 1 }]));
}
