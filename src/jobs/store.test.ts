import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, forEachDialect, PG_URL, type TestDb } from '../../test/helpers/db.js';
import { dueJob, insertJob, leaseJob, markJobDone, retryJobAt } from './store.js';

const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-01T10:05:00.000Z';

forEachDialect('outbox store', (dialect) => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb(dialect);
  });
  afterEach(() => db.dispose());

  const due = (now: string, maxAttempts = 3) => db.kysely.transaction().execute((trx) => dueJob(trx, { now, maxAttempts, skipLocked: db.caps.skipLocked }));
  const jobIds = async () => (await db.kysely.selectFrom('outbox').select('id').orderBy('id').execute()).map((r) => r.id);

  it('hands out the oldest job that is due, not done and not out of attempts', async () => {
    for (const kind of ['done', 'spent', 'later', 'ready', 'next']) await insertJob(db.kysely, kind, '{}', T0);
    const [done, spent, later, ready] = await jobIds();
    await markJobDone(db.kysely, done!, T0);
    await leaseJob(db.kysely, spent!, 3, T0);
    await retryJobAt(db.kysely, later!, 'SMTP refused', T1);
    expect(await due(T0)).toMatchObject({ id: ready, kind: 'ready', attempts: 0, run_at: T0 });
    await leaseJob(db.kysely, ready!, 1, T1);
    expect(await due(T0)).toMatchObject({ kind: 'next' });
    expect(await due(T0, 4)).toMatchObject({ id: spent });
    expect(await db.kysely.selectFrom('outbox').selectAll().where('id', '=', later!).executeTakeFirstOrThrow()).toMatchObject({ last_error: 'SMTP refused', run_at: T1, done_at: null });
  });
});

// SKIP LOCKED exists on PostgreSQL only; SQLite has one writer at a time and nothing to pass over.
describe.skipIf(!PG_URL)('outbox store [postgres]', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb('postgres');
  });
  afterEach(() => db.dispose());

  it('passes over a job another worker holds until that worker commits', async () => {
    await insertJob(db.kysely, 'first', '{}', T0);
    await insertJob(db.kysely, 'second', '{}', T0);
    const kinds = await db.kysely.transaction().execute(async (a) => {
      const held = await dueJob(a, { now: T0, maxAttempts: 3, skipLocked: true });
      const other = await db.kysely.transaction().execute((b) => dueJob(b, { now: T0, maxAttempts: 3, skipLocked: true }));
      return [held?.kind, other?.kind];
    });
    expect(kinds).toEqual(['first', 'second']);
  });
});
