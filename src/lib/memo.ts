/**
 * Read models kept until an event changes what they were read from: each entry records its dependencies (see
 * dependencies.ts), and an event drops only the entries it concerns, so they are never stale. An entry still being
 * computed has no dependencies yet and goes with any event that changes something. A failed computation is not
 * kept. The size bound keeps a flood of distinct keys from growing memory; past it, the least recently used entry goes.
 */
import { LRUCache } from 'lru-cache';
import type { EventBus } from './events.js';
import { changeOf, isEmpty, type Dependencies } from './dependencies.js';

interface Entry<T> {
  value: Promise<T>;
  /** Null until the value is known. */
  deps: Dependencies | null;
}

export class EventMemo<T> {
  private readonly entries: LRUCache<string, Entry<T>>;

  constructor(
    events: EventBus,
    /** What a value was read from. */
    private readonly dependsOn: (value: T) => Dependencies,
    maxEntries = 1000,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
    events.on((event) => {
      const change = changeOf(event);
      if (isEmpty(change)) return;
      // Collected before deleting: the cache's walk can lose its place when the entry it stands on goes.
      const stale = [...this.entries.entries()].filter(([, entry]) => !entry.deps || entry.deps.affectedBy(change));
      for (const [key] of stale) this.entries.delete(key);
    });
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found) return found.value;
    const entry: Entry<T> = { value: compute(), deps: null };
    entry.value.then(
      (value) => (entry.deps = this.dependsOn(value)),
      () => this.entries.peek(key) === entry && this.entries.delete(key),
    );
    this.entries.set(key, entry);
    return entry.value;
  }
}
