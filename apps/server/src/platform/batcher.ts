/**
 * Gathers the calls made in one turn of the event loop into one call of `run` (at most `max`
 * items), and gives each caller its own answer: many concurrent writes share one statement and
 * one commit, as a database's group commit does. `run` answers per item, in the items' order.
 */
export class Batcher<I, O> {
  private queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly max = 200,
  ) {}

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.max);
      this.run(batch.map((b) => b.item)).then(
        (out) => {
          for (const [i, b] of batch.entries()) b.resolve(out[i]!);
        },
        (e) => {
          for (const b of batch) b.reject(e);
        },
      );
    }
  }
}
