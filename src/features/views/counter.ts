/**
 * The views counter. Each reader counts once per article per local day; counts are buffered in
 * memory and flushed in one transaction per batch, so a burst of views costs a few writes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { localDateKey, toLocal } from '../../lib/time.js';
import { viewCountOf } from '../articles/store.js';
import { newDailySalt, viewerKey } from './rules.js';
import { addViews } from './store.js';

export interface ViewCounterOptions {
  db: Kysely<Database>;
  events: EventBus;
  timeZone: () => string;
  flushMs: number;
  now?: () => Date;
  /** Flush early once this many views are waiting. */
  maxPending?: number;
  onError?: (error: unknown) => void;
}

export class ViewCounter {
  private day = '';
  private salt = '';
  private seen = new Set<number>();
  private pending = new Map<number, number>();
  private pendingTotal = 0;
  private stored = new Map<number, number>();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: ViewCounterOptions) {
    this.now = options.now ?? (() => new Date());
    options.events.on((e) => {
      if (e.type === 'article.unpublished') this.stored.delete(e.articleId);
      if (e.type === 'events.missed') this.stored.clear();
    });
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.flushMs);
    this.timer.unref();
  }

  /**
   * Flushes, then forgets the stored counts it knew: other nodes sharing the database add their own views,
   * and the next count reads the total again.
   */
  private tick(): void {
    this.flush().then(
      () => this.stored.clear(),
      (error: unknown) => this.options.onError?.(error),
    );
  }

  private rotate(): string {
    const today = localDateKey(toLocal(this.now(), this.options.timeZone()));
    if (today !== this.day) {
      this.day = today;
      this.salt = newDailySalt();
      this.seen.clear();
    }
    return today;
  }

  private async storedCount(articleId: number): Promise<number | null> {
    const known = this.stored.get(articleId);
    if (known !== undefined) return known;
    const count = await viewCountOf(this.options.db, articleId);
    if (count !== null) this.stored.set(articleId, count);
    return count;
  }

  /** The current count: stored plus buffered. Null when the article is not published. */
  async count(articleId: number): Promise<number | null> {
    const stored = await this.storedCount(articleId);
    return stored === null ? null : stored + (this.pending.get(articleId) ?? 0);
  }

  /** Records a view by a reader; returns whether it counted and the fresh total. */
  async record(articleId: number, reader: { ip: string; userAgent: string }): Promise<{ counted: boolean; views: number } | null> {
    this.rotate();
    const stored = await this.storedCount(articleId);
    if (stored === null) return null;
    const key = viewerKey(this.salt, reader.ip, reader.userAgent, articleId);
    const counted = !this.seen.has(key);
    if (counted) {
      this.seen.add(key);
      this.pending.set(articleId, (this.pending.get(articleId) ?? 0) + 1);
      this.pendingTotal++;
      if (this.pendingTotal >= (this.options.maxPending ?? 1000)) this.flushInBackground();
    }
    return { counted, views: stored + (this.pending.get(articleId) ?? 0) };
  }

  /** Writes buffered counts in one transaction. Concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.writeBatch());
    return this.flushing;
  }

  private flushInBackground(): void {
    this.flush().catch((error: unknown) => this.options.onError?.(error));
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    const day = this.day || this.rotate();
    this.pending = new Map();
    this.pendingTotal = 0;
    try {
      await this.options.db.transaction().execute(async (trx) => {
        for (const [articleId, n] of batch) await addViews(trx, articleId, day, n);
      });
      for (const [articleId, n] of batch) {
        const known = this.stored.get(articleId);
        if (known !== undefined) this.stored.set(articleId, known + n);
      }
    } catch (error) {
      // Put the batch back so the next flush retries it; counts are never silently dropped.
      for (const [articleId, n] of batch) this.pending.set(articleId, (this.pending.get(articleId) ?? 0) + n);
      this.pendingTotal += [...batch.values()].reduce((a, b) => a + b, 0);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
