/**
 * The outbox: jobs (e-mail now; Telegram and webhooks later) are written in the same transaction as the
 * change that causes them, and a worker delivers them with retries. On PostgreSQL a job is claimed with
 * FOR UPDATE SKIP LOCKED, so with several nodes each job runs once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Db } from '../storage/db.js';
import { dueJob, insertJob, leaseJob, markJobDone, retryJobAt } from './store.js';

export type OutboxHandler = (payload: unknown) => Promise<void>;

export const MAX_ATTEMPTS = 8;
/** A claimed job is not handed out again for this long, in case its worker dies mid-delivery. */
const LEASE_MS = 5 * 60_000;

/** Seconds to wait before attempt n+1: 5 s, 10 s, 20 s … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5000 * 2 ** (attempts - 1), 3600_000);
}

export async function enqueue(db: Kysely<Database> | Transaction<Database>, kind: string, payload: unknown, now: Date): Promise<void> {
  await insertJob(db, kind, JSON.stringify(payload), now.toISOString());
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
      const job = await dueJob(trx, { now: now.toISOString(), maxAttempts: MAX_ATTEMPTS, skipLocked: this.db.caps.skipLocked });
      if (!job) return null;
      const attempts = job.attempts + 1;
      await leaseJob(trx, job.id, attempts, new Date(now.getTime() + LEASE_MS).toISOString());
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
        await markJobDone(this.db.kysely, job.id, this.now().toISOString());
        delivered++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await retryJobAt(this.db.kysely, job.id, message, new Date(this.now().getTime() + retryDelayMs(job.attempts)).toISOString());
        this.onError(error);
      }
    }
    return delivered;
  }
}
