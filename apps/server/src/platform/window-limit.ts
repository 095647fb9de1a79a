/**
 * Counts events per key (an address) in a sliding window and refuses the key once it reached `max`:
 * failed ballot codes (guessing a secret, where successes must not be throttled) and e-poll ballots
 * per address (Z11). Per process; several servers each keep their own count (a guesser spread over
 * them gets `max` tries on each, still far from guessing 80 bits).
 */
export class WindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.events.set(key, list);
    else this.events.delete(key);
    return list;
  }

  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.max;
  }

  record(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.events.set(key, list);
  }
}

/** One limiter per Deps (per running app), made on first use. */
export function limiterPer<K extends object>(max: number, windowMs: number): (owner: K) => WindowLimiter {
  const byOwner = new WeakMap<K, WindowLimiter>();
  return (owner) => {
    let l = byOwner.get(owner);
    if (!l) {
      l = new WindowLimiter(max, windowMs);
      byOwner.set(owner, l);
    }
    return l;
  };
}
