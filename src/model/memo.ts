/**
 * Typed, bounded caches for every layer. Each engine module that keeps derived results keeps them in its
 * own `ViewMemo` (one WeakMap per module, keyed by the view object, so everything derived from a view goes
 * away with it) and, where the keys come from an analyst's arguments (an as-of date, a stress scenario, a
 * cycle bound), in a bounded `LruCache` so a workbook that sweeps thousands of values cannot grow memory
 * without limit. The model's own view memo is one of these too.
 */
import type { ModelView } from "./types";

/**
 * A map that keeps at most `capacity` entries, dropping the least recently used first (approximately: two
 * generations, so a hit costs one or two map reads and never reorders the map, which a sheet's hundreds of
 * thousands of look-ups per recalculation would feel). New and recently used entries live in the young
 * generation; when it fills half the capacity it becomes the old one and the previous old one is dropped.
 * An old entry that is used again moves back to the young generation.
 */
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;
  /** Entries dropped to stay within the capacity, for tests and benchmarks. */
  evictions = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`LruCache capacity must be at least 1, got ${capacity}`);
    this.half = Math.max(1, Math.floor(capacity / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** The value for `key` (marking it recently used), or undefined. */
  get(key: K): V | undefined {
    if (!memoEnabled) return undefined;
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.put(key, aged);
    }
    return aged;
  }

  has(key: K): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  set(key: K, value: V): void {
    this.old.delete(key);
    this.put(key, value);
  }

  private put(key: K, value: V): void {
    this.young.set(key, value);
    // Each generation holds fewer than half the capacity's worth, so both together stay within it.
    if (this.young.size >= this.half) this.rotate();
  }

  private rotate(): void {
    this.evictions += this.old.size;
    this.old = this.young;
    this.young = new Map();
  }

  delete(key: K): boolean {
    return this.young.delete(key) || this.old.delete(key);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  /** The cached value, or `make()` remembered under `key`. */
  getOrCreate(key: K, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      if (memoEnabled) this.set(key, value);
    }
    return value;
  }
}

/**
 * Whether the caches remember anything. Off only in the benchmark's baseline ("the same sheet without
 * memoisation"): every LruCache and ViewMemo then recomputes on each request.
 */
let memoEnabled = true;

/** Whether memoisation is on (see setMemoisation). */
export function memoActive(): boolean {
  return memoEnabled;
}

/** Turns memoisation on or off for the whole process (benchmarks only); returns the previous setting. */
export function setMemoisation(enabled: boolean): boolean {
  const before = memoEnabled;
  memoEnabled = enabled;
  return before;
}

/** One module's derived results per view: `get(view)` builds them on first use. */
export class ViewMemo<T> {
  private readonly byView = new WeakMap<ModelView, T>();

  constructor(private readonly make: (view: ModelView) => T) {}

  get(view: ModelView): T {
    if (!memoEnabled) return this.make(view);
    let value = this.byView.get(view);
    if (value === undefined) {
      value = this.make(view);
      this.byView.set(view, value);
    }
    return value;
  }
}
