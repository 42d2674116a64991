/**
 * Read models kept until the next domain event: every event empties them, so they are never stale.
 * A failed computation is not kept. The size bound keeps a flood of distinct keys from growing memory.
 */
import type { EventBus } from './events.js';

export class EventMemo<T> {
  private entries = new Map<string, Promise<T>>();

  constructor(
    events: EventBus,
    private readonly maxEntries = 1000,
  ) {
    events.on(() => this.entries.clear());
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.entries.get(key);
    if (!value) {
      value = compute();
      value.catch(() => this.entries.delete(key));
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}
