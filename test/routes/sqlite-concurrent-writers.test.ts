/**
 * Another process (the CLI, a second node) writing to the same SQLite file makes saves wait for its lock,
 * within busy_timeout, instead of failing at once with SQLITE_BUSY and a 503.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createNewsroom, publishArticle, type Newsroom } from '../helpers/newsroom.js';
import { postForm, staffSession } from '../helpers/admin.js';

const root = path.resolve(import.meta.dirname, '../..');
const HOLD_MS = 1000;

/**
 * A second process: once the `go` file appears it takes the write lock with a write of its own (waiting, like
 * any writer, if the lock is ours), says so in the `locked` file, holds the lock for HOLD_MS, then commits.
 */
const LOCK_HOLDER = `
const fs = require('node:fs');
const [file, go, locked] = process.argv.slice(1);
const db = new (require('better-sqlite3'))(file);
db.pragma('busy_timeout = 5000');
const poll = setInterval(() => {
  if (!fs.existsSync(go)) return;
  clearInterval(poll);
  db.exec('begin immediate');
  db.prepare("update authors set bio = 'written by another process'").run();
  fs.writeFileSync(locked, '');
  setTimeout(() => { db.exec('commit'); db.close(); }, ${HOLD_MS});
}, 2);
`;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('saves while another process writes to the SQLite file', () => {
  let dir: string;
  let file: string;
  let n: Newsroom;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-writers-'));
    file = path.join(dir, 'db.sqlite');
    n = await createNewsroom('sqlite', { sqliteFile: file });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await n.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Starts the other process, and makes it take the lock at the worst moment: when our first transaction has
   * read and is about to write (a race that the CLI wins now and then in production, made certain here).
   */
  function otherWriterAtFirstWrite(): Promise<void> {
    const go = path.join(dir, 'go');
    const locked = path.join(dir, 'locked');
    const child = spawn(process.execPath, ['-e', LOCK_HOLDER, file, go, locked], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    const prepare = Database.prototype.prepare;
    let signalled = false;
    vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, source: string) {
      if (!signalled && this.inTransaction && !/^\s*select/i.test(source)) {
        signalled = true;
        fs.writeFileSync(go, '');
        // If our transaction already holds the lock, the other process waits for us: stop waiting for it.
        for (let waited = 0; !fs.existsSync(locked) && waited < 200; waited += 2) sleepSync(2);
      }
      return prepare.call(this, source);
    } as typeof prepare);
    return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the other writer exited with ${code}`)))));
  }

  it('waits for the other writer and succeeds, for an autosave, a form save and a settings change', async () => {
    const editor = await staffSession(n, 'editor');
    const id = await publishArticle(n, '2024-04-11T07:00:00Z');

    const otherWriter = otherWriterAtFirstWrite();
    const started = Date.now();
    const autosave = n.app.inject({
      method: 'POST',
      url: `/admin/articles/${id}/autosave`,
      headers: { ...editor.headers, 'x-csrf-token': editor.csrf, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ headline: 'Автосохранено', body: JSON.stringify({ type: 'doc', content: [] }) }).toString(),
    });
    const formSave = postForm(n, editor, `/admin/articles/${id}`, { headline: 'Сохранено формой', lead: 'Лид.', body_text: 'Текст.', authorId: [String(n.ids.author)], rubricId: [String(n.ids.rubric)] });
    const settingsChange = n.services.settings.set('name', 'Вестник побережья');
    const [auto, form] = await Promise.all([autosave, formSave, settingsChange]);
    await otherWriter;

    expect(auto.statusCode).toBe(200);
    expect(form.statusCode).toBe(303);
    expect(Date.now() - started).toBeGreaterThanOrEqual(HOLD_MS / 2);
    const row = await n.db.kysely.selectFrom('articles').select('headline').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.headline).toBe('Сохранено формой');
    const bio = await n.db.kysely.selectFrom('authors').select('bio').where('id', '=', n.ids.author).executeTakeFirstOrThrow();
    expect(bio.bio).toBe('written by another process');
    expect(n.services.settings.get().name).toBe('Вестник побережья');
  }, 20_000);
});
