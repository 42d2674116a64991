/**
 * Read models kept until an event changes what they were read from: each entry records its dependencies (see
 * dependencies.ts), and an event drops only the entries it concerns, so they are never stale. An entry still being
 * computed has no dependencies yet and goes with any event that changes something. A failed computation is not
 * kept. The size bound keeps a flood of distinct keys from growing memory.
 */
import type { EventBus } from './events.js';
import { changeOf, isEmpty, type Dependencies } from './dependencies.js';

interface Entry<T> {
  value: Promise<T>;
  /** Null until the value is known. */
  deps: Dependencies | null;
}

export class EventMemo<T> {
  private entries = new Map<string, Entry<T>>();

  constructor(
    events: EventBus,
    /** What a value was read from. */
    private readonly dependsOn: (value: T) => Dependencies,
    private readonly maxEntries = 1000,
  ) {
    events.on((event) => {
      const change = changeOf(event);
      if (isEmpty(change)) return;
      for (const [key, entry] of this.entries) if (!entry.deps || entry.deps.affectedBy(change)) this.entries.delete(key);
    });
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found) return found.value;
    const entry: Entry<T> = { value: compute(), deps: null };
    entry.value.then(
      (value) => (entry.deps = this.dependsOn(value)),
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, entry);
    return entry.value;
  }
}
