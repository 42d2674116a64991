/**
 * A change made with the CLI reaches servers that are already running, without a restart: two real `serve`
 * processes on one database, and `dateline settings set` run beside them. On SQLite the servers notice the
 * file's data_version change; on PostgreSQL the CLI's event arrives over LISTEN/NOTIFY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DIALECTS, PG_URL } from '../helpers/db.js';
import { waitFor } from '../helpers/wait.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/dateline.js');
const run = promisify(execFile);

function startServer(env: Record<string, string>): Promise<{ process: ChildProcess; base: string }> {
  const child = spawn('node', [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /serving (http:\/\/\S+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ process: child, base: m[1]!.replace('localhost', '127.0.0.1') });
      }
    });
  });
}


for (const dialect of DIALECTS) {
  describe(`a CLI change reaches running servers [${dialect}]`, () => {
    let dir: string;
    let env: Record<string, string>;
    let dropDatabase: (() => Promise<void>) | null = null;
    const servers: Array<{ process: ChildProcess; base: string }> = [];

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-live-'));
      let databaseUrl = `sqlite:${dir}/db.db`;
      if (dialect === 'postgres') {
        const name = `dateline_live_${randomBytes(4).toString('hex')}`;
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const url = new URL(PG_URL!);
        url.pathname = `/${name}`;
        databaseUrl = url.toString();
        dropDatabase = async () => {
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        };
      }
      env = { PATH: process.env.PATH!, DATABASE_URL: databaseUrl, DATA_DIR: dir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' };
      await run('node', [bin, 'migrate'], { env });
      servers.push(await startServer(env), await startServer(env));
    }, 60_000);

    afterAll(async () => {
      for (const s of servers) {
        if (s.process.exitCode === null) {
          s.process.kill('SIGTERM');
          await new Promise((resolve) => s.process.once('exit', resolve));
        }
      }
      await dropDatabase?.();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('shows a site name set with the CLI on both servers, cached pages included', async () => {
      for (const { base } of servers) {
        expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true, events: 'listening' });
        await fetch(`${base}/`);
        expect((await fetch(`${base}/`)).headers.get('x-page-cache')).toBe('hit');
      }
      await run('node', [bin, 'settings', 'set', 'name', 'Каспийский вестник'], { env });
      for (const { base } of servers) {
        await waitFor(`${base} to show the new name`, async () => (await (await fetch(`${base}/`)).text()).includes('<a class="site-name" href="/">Каспийский вестник</a>'), 10_000, 100);
      }
    }, 30_000);
  });
}
