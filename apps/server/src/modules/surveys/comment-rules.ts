import { type Moves, stateMachine } from '../../platform/state-machine.js';

/**
 * Comments (意见建议, H9) as data: where one goes by its words, and the steps of its life.
 * Pure: no clock, no database.
 */

export interface TopicRule {
  code: string;
  keywords: readonly string[];
}

export interface NamedUnit {
  id: number;
  name: string;
  /** Short forms people write (e.g. 发改委 for 市发展改革委). */
  aliases?: readonly string[];
}

/**
 * The topic whose keywords occur most in the text (the first rule on a tie), and the unit the text
 * names, when the ballot did not rate one unit. Null when nothing matches: the office decides.
 */
export function classifyComment(
  text: string,
  topics: readonly TopicRule[],
  units: readonly NamedUnit[] = [],
): { topic: string | null; unitId: number | null } {
  let topic: string | null = null;
  let best = 0;
  for (const t of topics) {
    const hits = t.keywords.filter((k) => k && text.includes(k)).length;
    if (hits > best) {
      best = hits;
      topic = t.code;
    }
  }
  const named = units.filter((u) => [u.name, ...(u.aliases ?? [])].some((n) => n && text.includes(n)));
  return { topic, unitId: named.length === 1 ? named[0]!.id : null };
}

export const commentStatuses = ['new', 'dispatched', 'answered', 'returned', 'closed'] as const;
export type CommentStatus = (typeof commentStatuses)[number];
export type CommentAction = 'classify' | 'dispatch' | 'answer' | 'close' | 'return';

/** Who may take each step from which states: the office classifies, dispatches, closes or returns; the unit answers. */
const moves: Moves<CommentStatus, CommentAction> = {
  classify: { from: ['new', 'dispatched', 'returned'] },
  dispatch: { from: ['new'], to: 'dispatched' },
  answer: { from: ['dispatched', 'returned'], to: 'answered' },
  close: { from: ['new', 'answered'], to: 'closed' },
  return: { from: ['answered'], to: 'returned' },
};
export const commentStep = stateMachine('comment.state', moves);

/** Open-text answers of a ballot: the text questions' non-empty answers, in questionnaire order. */
export function ballotTexts(answers: Record<string, unknown>, textQuestions: readonly string[]): string[] {
  return textQuestions.flatMap((id) => {
    const v = answers[id];
    return typeof v === 'string' && v.trim() ? [v.trim()] : [];
  });
}
