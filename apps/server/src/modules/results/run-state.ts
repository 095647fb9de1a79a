import { beijingDayEnd, type RunStatus } from '@jixiao/contracts';
import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * A run's life as data (S13, W9, Z14): the office publishes a draft for publicity (公示) or submits
 * it for approval (报审) straight away; after the publicity it submits it; a leader approves it (审定:
 * the release) or sends it back to the office, where it is a draft again. A newer version of the
 * same plan and period supersedes an unreleased run; a released one never changes (a correction is
 * a new run). Pure: no clock, no database.
 */
export type RunAction = 'publish' | 'submit' | 'approve' | 'return' | 'supersede' | 'object' | 'correct';

const moves: Moves<RunStatus, RunAction> = {
  publish: { from: ['draft'], to: 'publicity' },
  submit: { from: ['draft', 'publicity'], to: 'approval' },
  approve: { from: ['approval'], to: 'released' },
  return: { from: ['approval'], to: 'draft' },
  supersede: { from: ['draft', 'publicity', 'approval'], to: 'superseded' },
  object: { from: ['publicity'] },
  correct: { from: ['released'] },
};
export const runStep = stateMachine('results.run_state', moves);

/** Who sees a run in each state: the office always; units from publicity on; leaders from approval too. */
export const statusesFor = (viewer: 'office' | 'leader' | 'unit'): RunStatus[] =>
  viewer === 'office'
    ? ['draft', 'publicity', 'approval', 'released', 'superseded']
    : viewer === 'leader'
      ? ['publicity', 'approval', 'released']
      : ['publicity', 'released'];

/** Whether objections may be filed at `now`: the run is in publicity and its last day has not ended. */
export const publicityOpen = (run: { status: string; publicity: { to: string } | null }, now: Date) =>
  run.status === 'publicity' && !!run.publicity && now.getTime() <= beijingDayEnd(run.publicity.to).getTime();

/**
 * Why a run in publicity may not go to the leaders yet: its publicity still runs, or objections are
 * still open (each must be settled first). Null when it may.
 */
export function submitBlocker(
  run: { status: string; publicity: { to: string } | null },
  openObjections: number,
  now: Date,
): { code: string; params: Record<string, unknown> } | null {
  if (run.status !== 'publicity') return null;
  if (publicityOpen(run, now))
    return { code: 'results.publicity_running', params: { to: run.publicity!.to } };
  if (openObjections > 0) return { code: 'results.objections_open', params: { count: openObjections } };
  return null;
}
