/**
 * An acknowledged write survives kill -9: the server answers a save only after SQLite (WAL,
 * synchronous=FULL) has committed it, so killing the process right after loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('durability', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ChildProcess;
  let base: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-kill-'));
    env = { PATH: process.env.PATH!, DATABASE_URL: `sqlite:${dir}/db.db`, DATA_DIR: dir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' };
    await run('node', [path.join(root, 'bin/dateline.js'), 'user', 'create', '--email', 'ed@example.com', '--name', 'Ed', '--role', 'editor', '--password', 'caspian-ferry-2024'], { env });
    server = spawn('node', [path.join(root, 'bin/dateline.js'), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start')), 20_000);
      server.stdout!.on('data', (chunk: Buffer) => {
        const m = /serving (http:\/\/\S+)/.exec(chunk.toString());
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!.replace('localhost', '127.0.0.1'));
        }
      });
    });
  }, 60_000);

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  it('keeps an article saved just before the process is killed', async () => {
    const form = await fetch(`${base}/admin/sign-in`);
    const anon = cookiesOf(form);
    const signIn = await fetch(`${base}/admin/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: anon, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(await form.text()), email: 'ed@example.com', password: 'caspian-ferry-2024' }),
    });
    expect(signIn.status).toBe(303);
    const session = cookiesOf(signIn);
    const editor = await fetch(`${base}/admin/articles/new`, { headers: { cookie: session } });
    const saved = await fetch(`${base}/admin/articles/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(await editor.text()), lang: 'ru', headline: 'Сохранено перед сбоем', body_text: 'Текст.' }),
    });
    expect(saved.status).toBe(303);
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    const db = new Database(path.join(dir, 'db.db'), { readonly: true });
    const row = db.prepare('select headline from articles').get();
    const revisions = db.prepare('select count(*) as n from article_revisions').get() as { n: number };
    db.close();
    expect(row).toEqual({ headline: 'Сохранено перед сбоем' });
    expect(revisions.n).toBe(1);
  }, 30_000);
});
