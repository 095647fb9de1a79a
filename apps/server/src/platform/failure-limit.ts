/**
 * Counts failed attempts per key (an address) in a sliding window and refuses the key once it has
 * failed `max` times: for guessing secrets such as ballot codes, where successes must not be
 * throttled. Per process; several servers each keep their own count (a guesser spread over them
 * gets `max` tries on each, still far from guessing 80 bits).
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.max;
  }

  fail(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
  }
}
