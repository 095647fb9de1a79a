import { z } from 'zod';
import { row, stamp, stampOrNull, unitRef, versioned } from './fields.js';

/**
 * The defence session (现场+答辩, H10, issue 12 point 4): a running order of projects, a timer per
 * presentation, judges scoring on their phones and a live board; closing a project locks its
 * sheets. docs/innovation.md has the states.
 */

// --- defence sessions ------------------------------------------------------------------------------

const categoryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - or _');

/** A project's defence steps: waiting → presenting (timer runs) → scoring → closed (sheets locked). */
export const defenceStages = ['waiting', 'presenting', 'scoring', 'closed'] as const;
export const defenceStage = z.enum(defenceStages);
export type DefenceStage = z.infer<typeof defenceStage>;
export const defenceAction = z.enum(['present', 'score', 'close']);
export type DefenceAction = z.infer<typeof defenceAction>;
/** planned: nothing started (the order may change); running; finished: every project closed. */
export const sessionStatus = z.enum(['planned', 'running', 'finished']);
export type SessionStatus = z.infer<typeof sessionStatus>;

/** An expert named on a board or in results. */
export const expertRef = z.object({ expertId: z.number().int(), name: z.string() });

export const defenceSession = row({
  callId: z.number().int(),
  /** The category it hears, or null for projects of any category. */
  category: z.string().nullable(),
  title: z.string(),
  /** Minutes per presentation. */
  minutes: z.number().int(),
  /** The expert who chairs it; null: the office drives it. */
  chair: expertRef.nullable(),
  status: sessionStatus,
  projects: z.number().int(),
  closed: z.number().int(),
  /** The project presenting or being scored. */
  currentProjectId: z.number().int().nullable(),
  ...stamp('created'),
  /** What the caller may do: change the order and chair (office, while planned), drive the steps. */
  can: z.object({ edit: z.boolean(), drive: z.boolean() }),
  ...versioned,
});
export type DefenceSession = z.infer<typeof defenceSession>;

export const sessionCreate = z.strictObject({
  title: z.string().trim().min(1).max(200),
  category: categoryCode.nullable().default(null),
  /** The running order; default: the call's projects (of the category) not yet in a session or closed. */
  projectIds: z.array(z.number().int().positive()).min(1).max(300).optional(),
  minutes: z.number().int().min(1).max(120).default(8),
  chairExpertId: z.number().int().positive().nullable().default(null),
});
export type SessionCreate = z.input<typeof sessionCreate>;

export const sessionUpdate = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  /** The whole running order (only while planned). */
  projectIds: z.array(z.number().int().positive()).min(1).max(300).optional(),
  minutes: z.number().int().min(1).max(120).optional(),
  chairExpertId: z.number().int().positive().nullable().optional(),
  version: z.number().int(),
});
export type SessionUpdate = z.input<typeof sessionUpdate>;

export const sessionStep = z.strictObject({
  projectId: z.number().int().positive(),
  action: defenceAction,
  /** The session's version. */
  version: z.number().int(),
});
export type SessionStep = z.infer<typeof sessionStep>;

/** One judge's score on the board: the name for the chair, the office and leaders only (null otherwise). */
export const boardScore = z.object({
  judge: expertRef.nullable(),
  score: z.number(),
  ...stamp('submitted'),
});

export const boardItem = z.object({
  projectId: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  ...unitRef,
  category: z.string(),
  categoryName: z.string(),
  stage: defenceStage,
  presentingAt: z.string().nullable(),
  /** presentingAt + minutes (server time). */
  deadline: z.string().nullable(),
  scoringAt: z.string().nullable(),
  ...stampOrNull('closed'),
  submitted: z.number().int(),
  assigned: z.number().int(),
  /** Null when the caller may not see this project's scores (a unit, another unit's project). */
  scores: z.array(boardScore).nullable(),
  /** The running panel score of the sheets in (trimmed mean as configured); null without sheets or hidden. */
  aggregate: z.object({ score: z.number(), n: z.number().int(), trimmed: z.boolean() }).nullable(),
});
export type BoardItem = z.infer<typeof boardItem>;

/** The live board: poll it; count down from `now` to the current project's deadline. */
export const defenceBoard = z.object({
  session: defenceSession,
  /** The server's time when answering. */
  now: z.string(),
  current: z
    .object({
      projectId: z.number().int(),
      stage: defenceStage,
      deadline: z.string().nullable(),
      /** Seconds left of the presentation (negative: over time); null while scoring. */
      remainingSeconds: z.number().int().nullable(),
    })
    .nullable(),
  items: z.array(boardItem),
});
export type DefenceBoard = z.infer<typeof defenceBoard>;

/** The reason a project outside every session is closed by the office (online scoring). */
export const projectClose = z.strictObject({ reason: z.string().trim().max(500).default('') });

/** A project's defence step (closed online: no session). */
export const projectStage = z.object({
  projectId: z.number().int(),
  sessionId: z.number().int().nullable(),
  stage: defenceStage,
  ...stampOrNull('closed'),
});
export type ProjectStage = z.infer<typeof projectStage>;
