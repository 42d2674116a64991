import { afterEach, beforeEach, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachDialect, createTestDb, type TestDb } from '../../test/helpers/db.js';
import { startSmtpServer, type SmtpSink } from '../../test/helpers/smtp.js';
import { loadConfig } from '../config/index.js';
import { createServices, type Services } from '../services.js';
import { enqueue, MAX_ATTEMPTS, retryDelayMs } from './outbox.js';

it('waits longer after each failed attempt, up to an hour', () => {
  expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5000, 10_000, 20_000, 40_000]);
  expect(retryDelayMs(MAX_ATTEMPTS + 20)).toBe(3600_000);
});

forEachDialect('outbox delivery over SMTP', (dialect) => {
  let db: TestDb;
  let services: Services;
  let dir: string;
  let smtp: SmtpSink | null;
  let port: number;
  const clock = { now: new Date('2024-04-11T07:54:00Z') };

  beforeEach(async () => {
    db = await createTestDb(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-outbox-'));
    // Take a free port, then stop the server: the mailer points at a server that is down.
    const probe = await startSmtpServer();
    port = probe.port;
    await probe.close();
    smtp = null;
    clock.now = new Date('2024-04-11T07:54:00Z');
    services = await createServices(loadConfig({ DATA_DIR: dir, SMTP_URL: `smtp://127.0.0.1:${port}` }), db, { now: () => clock.now });
  });
  afterEach(async () => {
    services.mailer.close();
    await smtp?.close();
    await db.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const job = () => db.kysely.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();

  it('retries a mail later while the SMTP server is down, and delivers it once when the server is back', async () => {
    await enqueue(db.kysely, 'mail', { to: 'anna@example.com', subject: 'Проверка', text: 'Письмо дойдёт.' }, clock.now);

    expect(await services.outbox.runOnce()).toBe(0);
    let row = await job();
    expect(row.attempts).toBe(1);
    expect(row.done_at).toBeNull();
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(new Date(row.run_at).getTime()).toBe(clock.now.getTime() + retryDelayMs(1));

    // Not due yet: nothing is attempted.
    expect(await services.outbox.runOnce()).toBe(0);
    expect((await job()).attempts).toBe(1);

    clock.now = new Date(clock.now.getTime() + retryDelayMs(1));
    expect(await services.outbox.runOnce()).toBe(0);
    row = await job();
    expect(row.attempts).toBe(2);
    expect(new Date(row.run_at).getTime()).toBe(clock.now.getTime() + retryDelayMs(2));

    smtp = await startSmtpServer({ port });
    clock.now = new Date(clock.now.getTime() + retryDelayMs(2));
    expect(await services.outbox.runOnce()).toBe(1);
    row = await job();
    expect(row.attempts).toBe(3);
    expect(row.done_at).toBe(clock.now.toISOString());
    expect(row.last_error).toBeNull();
    expect(smtp.messages.map((m) => [m.to, m.subject, m.text.trim()])).toEqual([['anna@example.com', 'Проверка', 'Письмо дойдёт.']]);

    // Delivered jobs are never sent again.
    clock.now = new Date(clock.now.getTime() + 3600_000);
    expect(await services.outbox.runOnce()).toBe(0);
    expect(smtp.messages).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and keeps the last error`, async () => {
    await enqueue(db.kysely, 'mail', { to: 'anna@example.com', subject: 'x', text: 'x' }, clock.now);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await services.outbox.runOnce();
      clock.now = new Date(clock.now.getTime() + 3600_000);
    }
    const row = await job();
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.done_at).toBeNull();
    expect(row.last_error).toBeTruthy();
  });
});
