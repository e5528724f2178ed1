/**
 * A small least-recently-used cache for expensive pure computations (curve
 * fits): the editor re-evaluates a block on every keystroke, and a fit of
 * unchanged points must not run again. Keys are strings built from the
 * inputs; results are returned as stored, so callers must not mutate them.
 */
export class Memo<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) {
      // Move to the end: Map iteration order is insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit as T);
      return hit as T;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
