/** The answer of a state machine to an action: the state it leads to, or why it may not be taken. */
export type Step<S extends string, A extends string, C extends string> =
  | { ok: true; to: S }
  | { ok: false; code: C; params: { status: S; action: A } };

/** Each action of a state machine: the states it may be taken from and the state it leads to. */
export type Moves<S extends string, A extends string> = Record<A, { from: readonly S[]; to?: S }>;

/**
 * A state machine as data: one row per action with the states it may be taken from and the state it
 * leads to (an action without a target keeps the state, e.g. an edit). A refusal carries `code` and
 * the state and action as parameters, for a 409 the web can say in words. Pure.
 */
export function stateMachine<S extends string, A extends string, C extends string>(
  code: C,
  moves: Moves<S, A>,
): (status: S, action: A) => Step<S, A, C> {
  return (status, action) =>
    moves[action].from.includes(status)
      ? { ok: true, to: moves[action].to ?? status }
      : { ok: false, code, params: { status, action } };
}
