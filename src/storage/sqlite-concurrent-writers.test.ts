/**
 * Another process (the CLI, a second node) writing to the same SQLite file makes saves wait for its lock,
 * within busy_timeout, instead of failing at once with SQLITE_BUSY and a 503. A save reads before it writes:
 * unless its transaction takes the write lock at BEGIN, SQLite will not wait when it comes to write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createNewsroom, publishArticle, type Newsroom } from '../../test/helpers/newsroom.js';
import { postForm, staffSession } from '../../test/helpers/admin.js';

const root = path.resolve(import.meta.dirname, '../..');
const HOLD_MS = 1000;

/** A second process that takes the write lock with a write of its own, says so, holds it for HOLD_MS, then commits. */
const LOCK_HOLDER = `
const db = new (require('better-sqlite3'))(process.argv[1]);
db.exec('begin immediate');
db.prepare("update authors set bio = 'written by another process'").run();
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('commit'); db.close(); }, ${HOLD_MS});
`;

/** Resolves once the other process holds the lock; `released` once it has committed and exited. */
function holdWriteLock(file: string): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, ['-e', LOCK_HOLDER, file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the other writer exited with ${code}`)))));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', () => resolve({ released }));
  });
}

describe('saves while another process writes to the SQLite file', () => {
  let dir: string;
  let n: Newsroom;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-writers-'));
    n = await createNewsroom('sqlite', { sqliteFile: path.join(dir, 'db.sqlite') });
  });
  afterEach(async () => {
    await n.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('wait for the other writer and succeed: an autosave, a form save and a settings change', async () => {
    const editor = await staffSession(n, 'editor');
    const id = await publishArticle(n, '2024-04-11T07:00:00Z');

    const lock = await holdWriteLock(path.join(dir, 'db.sqlite'));
    const lockedAt = Date.now();
    const autosave = n.app.inject({
      method: 'POST',
      url: `/admin/articles/${id}/autosave`,
      headers: { ...editor.headers, 'x-csrf-token': editor.csrf, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ headline: 'Автосохранено', body: JSON.stringify({ type: 'doc', content: [] }) }).toString(),
    });
    const formSave = postForm(n, editor, `/admin/articles/${id}`, { headline: 'Сохранено формой', lead: 'Лид.', body_text: 'Текст.', authorId: [String(n.ids.author)], rubricId: [String(n.ids.rubric)] });
    const [auto, form] = await Promise.all([autosave, formSave]);
    const waited = Date.now() - lockedAt;
    await n.services.settings.set('name', 'Вестник побережья');
    await lock.released;

    expect(auto.statusCode).toBe(200);
    expect(form.statusCode).toBe(303);
    // The saves ended only when the other process let go.
    expect(waited).toBeGreaterThanOrEqual(HOLD_MS / 2);
    // The article is live, so both saves went into its working copy; the form's came last.
    expect((await n.services.articles.workingCopy(id))?.input.headline).toBe('Сохранено формой');
    const bio = await n.db.kysely.selectFrom('authors').select('bio').where('id', '=', n.ids.author).executeTakeFirstOrThrow();
    expect(bio.bio).toBe('written by another process');
    expect(n.services.settings.get().name).toBe('Вестник побережья');
  }, 20_000);
});
