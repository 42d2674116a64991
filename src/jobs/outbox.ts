/**
 * The outbox: jobs (e-mail now; Telegram and webhooks later) are written in the same transaction as the
 * change that causes them, and a worker delivers them with retries. On PostgreSQL a job is claimed with
 * FOR UPDATE SKIP LOCKED, so with several nodes each job runs once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Db } from '../storage/db.js';

export type OutboxHandler = (payload: unknown) => Promise<void>;

export const MAX_ATTEMPTS = 8;
/** A claimed job is not handed out again for this long, in case its worker dies mid-delivery. */
const LEASE_MS = 5 * 60_000;

/** Seconds to wait before attempt n+1: 5 s, 10 s, 20 s … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5000 * 2 ** (attempts - 1), 3600_000);
}

export async function enqueue(db: Kysely<Database> | Transaction<Database>, kind: string, payload: unknown, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.insertInto('outbox').values({ kind, payload: JSON.stringify(payload), run_at: at, attempts: 0, last_error: null, done_at: null, created_at: at }).execute();
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, OutboxHandler>,
    private readonly now: () => Date = () => new Date(),
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => {
      this.runOnce().catch(this.onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Delivers every job that is due; returns how many were delivered. Overlapping calls share one run. */
  runOnce(): Promise<number> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Claims one due job by pushing its run_at past a lease, in a short transaction of its own. */
  private async claim() {
    return this.db.kysely.transaction().execute(async (trx) => {
      const now = this.now();
      let query = trx
        .selectFrom('outbox')
        .selectAll()
        .where('done_at', 'is', null)
        .where('run_at', '<=', now.toISOString())
        .where('attempts', '<', MAX_ATTEMPTS)
        .orderBy('id')
        .limit(1);
      if (this.db.caps.skipLocked) query = query.forUpdate().skipLocked();
      const job = await query.executeTakeFirst();
      if (!job) return null;
      const attempts = job.attempts + 1;
      await trx
        .updateTable('outbox')
        .set({ attempts, run_at: new Date(now.getTime() + LEASE_MS).toISOString() })
        .where('id', '=', job.id)
        .execute();
      return { ...job, attempts };
    });
  }

  private async drain(): Promise<number> {
    let delivered = 0;
    for (let job = await this.claim(); job; job = await this.claim()) {
      try {
        const handler = this.handlers[job.kind];
        if (!handler) throw new Error(`No handler for outbox jobs of kind "${job.kind}"`);
        // Delivery runs outside any transaction: a slow SMTP server must not hold the database.
        await handler(JSON.parse(job.payload));
        await this.db.kysely.updateTable('outbox').set({ done_at: this.now().toISOString(), last_error: null }).where('id', '=', job.id).execute();
        delivered++;
      } catch (error) {
        await this.db.kysely
          .updateTable('outbox')
          .set({ last_error: error instanceof Error ? error.message : String(error), run_at: new Date(this.now().getTime() + retryDelayMs(job.attempts)).toISOString() })
          .where('id', '=', job.id)
          .execute();
        this.onError(error);
      }
    }
    return delivered;
  }
}
