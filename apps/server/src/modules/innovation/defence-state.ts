import type { DefenceAction, DefenceStage, SessionStatus } from '@jixiao/contracts';
import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * A project's steps in a defence session (现场+答辩, H10, issue 12 point 4) as data:
 *
 *   waiting ──present──▶ presenting ──score──▶ scoring ──close──▶ closed
 *                            └──────────────close─────────────────▲
 *
 * `present` starts the presentation's timer (its deadline is presentingAt + the session's
 * minutes, counted by the server's clock); `close` locks every sheet of the project. One project of
 * a session at a time presents or is scored. A project outside every session is scored online and
 * closed by the office alone (stage null until then). Pure: no clock, no database.
 */
const moves: Moves<DefenceStage, DefenceAction> = {
  present: { from: ['waiting'], to: 'presenting' },
  score: { from: ['presenting'], to: 'scoring' },
  close: { from: ['presenting', 'scoring'], to: 'closed' },
};
export const defenceStep = stateMachine('innovation.defence_state', moves);

/** A session's status from its projects' stages: planned (none started), finished (all closed), else running. */
export function sessionStatusOf(stages: readonly DefenceStage[]): SessionStatus {
  if (stages.every((s) => s === 'waiting')) return 'planned';
  if (stages.every((s) => s === 'closed')) return 'finished';
  return 'running';
}

/** The project presenting or being scored, if any. */
export const isCurrent = (s: DefenceStage) => s === 'presenting' || s === 'scoring';

/**
 * Why a judge's sheet is refused at this stage (null: taken). Online (no stage) and while it
 * presents or is scored: taken; waiting for its turn: not yet; closed: locked.
 */
export function sheetRefusal(stage: DefenceStage | null): { code: string; params: { stage: string } } | null {
  if (stage === 'closed') return { code: 'innovation.score_locked', params: { stage } };
  if (stage === 'waiting') return { code: 'innovation.score_not_open', params: { stage } };
  return null;
}

/** The presentation's deadline: presentingAt + minutes. */
export const deadlineOf = (presentingAt: Date | null, minutes: number) =>
  presentingAt ? new Date(presentingAt.getTime() + minutes * 60_000) : null;
