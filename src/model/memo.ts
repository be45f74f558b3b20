/**
 * Typed, bounded caches for every layer. Each engine module that keeps derived results keeps them in its
 * own `ViewMemo` (one WeakMap per module, keyed by the view object, so everything derived from a view goes
 * away with it) and, where the keys come from an analyst's arguments (an as-of date, a stress scenario, a
 * cycle bound), in a bounded `LruCache` so a workbook that sweeps thousands of values cannot grow memory
 * without limit. The model's own view memo is one of these too.
 */
import type { ModelView } from "./types";

/** A map that keeps at most `capacity` entries, dropping the least recently used. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  /** Entries dropped to stay within the capacity, for tests and benchmarks. */
  evictions = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`LruCache capacity must be at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key` (marking it recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as K);
      this.evictions++;
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** The cached value, or `make()` remembered under `key`. */
  getOrCreate(key: K, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.set(key, value);
    }
    return value;
  }
}

/** One module's derived results per view: `get(view)` builds them on first use. */
export class ViewMemo<T> {
  private readonly byView = new WeakMap<ModelView, T>();

  constructor(private readonly make: (view: ModelView) => T) {}

  get(view: ModelView): T {
    let value = this.byView.get(view);
    if (value === undefined) {
      value = this.make(view);
      this.byView.set(view, value);
    }
    return value;
  }
}
