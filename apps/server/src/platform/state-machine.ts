/** The answer of a state machine to an action: the state it leads to, or why it may not be taken. */
export type Step<S extends string, A extends string, C extends string> =
  | { ok: true; to: S }
  | { ok: false; code: C; params: { status: S; action: A } };

/**
 * A state machine as data: the states each action may be taken from and the state it leads to (an
 * action without a target keeps the state, e.g. an edit). A refusal carries `code` and the state
 * and action as parameters, for a 409 the web can say in words. Pure.
 */
export function stateMachine<S extends string, A extends string, C extends string>(
  code: C,
  from: Record<A, readonly S[]>,
  to: Partial<Record<A, S>>,
): (status: S, action: A) => Step<S, A, C> {
  return (status, action) =>
    from[action].includes(status)
      ? { ok: true, to: to[action] ?? status }
      : { ok: false, code, params: { status, action } };
}
