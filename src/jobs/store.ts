/** Reads and writes of the outbox: jobs written beside the change that causes them, claimed and settled by the worker. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A job due at once, never tried. */
export async function insertJob(db: Db, kind: string, payload: string, at: string): Promise<void> {
  await db.insertInto('outbox').values({ kind, payload, run_at: at, attempts: 0, last_error: null, done_at: null, created_at: at }).execute();
}

/**
 * The oldest job not done, due at `now` and tried fewer than `maxAttempts` times. With `skipLocked` (PostgreSQL) its row
 * stays locked until the transaction ends and other workers pass over it.
 */
export function dueJob(trx: Transaction<Database>, o: { now: string; maxAttempts: number; skipLocked: boolean }) {
  let query = trx
    .selectFrom('outbox')
    .selectAll()
    .where('done_at', 'is', null)
    .where('run_at', '<=', o.now)
    .where('attempts', '<', o.maxAttempts)
    .orderBy('id')
    .limit(1);
  if (o.skipLocked) query = query.forUpdate().skipLocked();
  return query.executeTakeFirst();
}

/** Counts an attempt and keeps the job from being handed out again until `until`. */
export async function leaseJob(db: Db, id: number, attempts: number, until: string): Promise<void> {
  await db.updateTable('outbox').set({ attempts, run_at: until }).where('id', '=', id).execute();
}

export async function markJobDone(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('outbox').set({ done_at: at, last_error: null }).where('id', '=', id).execute();
}

/** Keeps why an attempt failed and when to try again. */
export async function retryJobAt(db: Db, id: number, error: string, at: string): Promise<void> {
  await db.updateTable('outbox').set({ last_error: error, run_at: at }).where('id', '=', id).execute();
}
