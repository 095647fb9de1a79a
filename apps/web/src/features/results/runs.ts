/**
 * Pure view model of a run's state on the results page (issue 8 point 5): a computed run is a
 * draft only the office sees; the office releases the latest run; units and leaders see released
 * results only.
 */
import type { EvaluationRun, RunSummary } from '@jixiao/contracts';
import { isApiError } from '../../shared/api.js';

type RunState = Pick<
  RunSummary,
  'status' | 'latest' | 'releasedAt' | 'releasedBy' | 'computedAt' | 'computedBy'
>;

/** A run of a plan's period, as the run buttons and the what-if panel are given it. */
export interface RunRef {
  planId: number;
  period: string;
  run: EvaluationRun;
}

export interface StatusView {
  /** i18n key of the tag: 草稿 / 已发布. */
  key: 'runs.draft' | 'runs.released';
  color: string;
  /** i18n key and params of the line beside it (who computed / released it, and when). */
  detailKey: 'runs.computedBy' | 'runs.releasedByAt';
  by: string;
  at: string | null;
}

export function statusView(run: RunState): StatusView {
  return run.status === 'released'
    ? {
        key: 'runs.released',
        color: 'green',
        detailKey: 'runs.releasedByAt',
        by: run.releasedBy ?? '—',
        at: run.releasedAt,
      }
    : {
        key: 'runs.draft',
        color: 'gold',
        detailKey: 'runs.computedBy',
        by: run.computedBy ?? '—',
        at: run.computedAt,
      };
}

export type ReleaseBlock = 'runs.alreadyReleased' | 'runs.notLatest';

/** Whether the run can be released, else why not (i18n key). */
export function releaseBlock(run: Pick<RunState, 'status' | 'latest'>): ReleaseBlock | null {
  if (run.status === 'released') return 'runs.alreadyReleased';
  if (!run.latest) return 'runs.notLatest';
  return null;
}

/** The server refused to compute because the period is still open for submissions: ask, then resend. */
export const isPeriodOpen = (e: unknown) => isApiError(e) && e.code === 'PERIOD_OPEN';

/** Release refused because a newer run exists, or the run was released meanwhile. */
export const isStaleRelease = (e: unknown) =>
  isApiError(e) && (e.code === 'RUN_NOT_LATEST' || e.code === 'CONFLICT');

/** What an empty results page says: the office has computed nothing yet; others wait for the release. */
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
