/**
 * The `size` most recently used values by key. A Map iterates in insertion order, so moving a key
 * to the end on every use leaves the least recently used one first, to be dropped.
 */
export class Recent<K, V> {
  readonly #items = new Map<K, V>();
  constructor(readonly size: number) {}

  get(key: K): V | undefined {
    const v = this.#items.get(key);
    if (v !== undefined) {
      this.#items.delete(key);
      this.#items.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.#items.delete(key);
    this.#items.set(key, value);
    if (this.#items.size > this.size) this.#items.delete(this.#items.keys().next().value as K);
  }

  delete(key: K): void {
    this.#items.delete(key);
  }
}
