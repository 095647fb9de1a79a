/**
 * The task-book workflow (W10, S4) as one pure function: which step may follow which, and who may
 * take it. draft → submitted (unit filler asks for confirmation) → confirmed (unit leader) →
 * reviewed (lead department or target office) → issued (office; locked). A return goes back to
 * draft with a reason. After issue, only a change request moves targets.
 */

export const taskBookStatuses = ['draft', 'submitted', 'confirmed', 'reviewed', 'issued'] as const;
export type TaskBookStatus = (typeof taskBookStatuses)[number];
export type TaskBookAction = 'edit' | 'submit' | 'confirm' | 'return' | 'review' | 'issue' | 'request_change';
/** What the actor may do on this book: from the role's permission and the book's scope. */
export type Capability = 'edit' | 'confirm' | 'review' | 'issue';

export type Transition =
  | { ok: true; to: TaskBookStatus }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

interface Rule {
  from: readonly TaskBookStatus[];
  to: TaskBookStatus | 'same';
  /** Capability needed, possibly depending on the state taken from. */
  needs: (from: TaskBookStatus) => Capability;
}

const rules: Record<TaskBookAction, Rule> = {
  edit: { from: ['draft'], to: 'same', needs: () => 'edit' },
  submit: { from: ['draft'], to: 'submitted', needs: () => 'edit' },
  // The leader may confirm a draft directly: the filler and the leader may be one person.
  confirm: { from: ['draft', 'submitted'], to: 'confirmed', needs: () => 'confirm' },
  // The leader returns what awaits confirmation; reviewers return what awaits review or issue.
  return: {
    from: ['submitted', 'confirmed', 'reviewed'],
    to: 'draft',
    needs: (f) => (f === 'submitted' ? 'confirm' : 'review'),
  },
  review: { from: ['confirmed'], to: 'reviewed', needs: () => 'review' },
  issue: { from: ['reviewed'], to: 'issued', needs: () => 'issue' },
  request_change: { from: ['issued'], to: 'same', needs: () => 'edit' },
};

const statusName: Record<TaskBookStatus, string> = {
  draft: 'a draft',
  submitted: 'awaiting confirmation',
  confirmed: 'awaiting review',
  reviewed: 'awaiting issue',
  issued: 'issued',
};

export function transition(
  status: TaskBookStatus,
  action: TaskBookAction,
  caps: ReadonlySet<Capability>,
): Transition {
  const rule = rules[action];
  if (!rule.from.includes(status)) {
    const hint = status === 'issued' ? '; an issued task book changes only through a change request' : '';
    return {
      ok: false,
      code: 'CONFLICT',
      message: `This task book is ${statusName[status]}: cannot ${action.replace('_', ' ')}${hint}`,
    };
  }
  const need = rule.needs(status);
  if (!caps.has(need))
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `Your role may not ${action.replace('_', ' ')} this task book`,
    };
  return { ok: true, to: rule.to === 'same' ? status : rule.to };
}

/** The actions open to an actor now, for the UI's buttons. */
export const availableActions = (status: TaskBookStatus, caps: ReadonlySet<Capability>): TaskBookAction[] =>
  (Object.keys(rules) as TaskBookAction[]).filter((a) => transition(status, a, caps).ok);
