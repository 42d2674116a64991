/**
 * Two processes opening one new SQLite file at the same instant (two nodes starting, the CLI beside a server)
 * both get it, in WAL mode: SQLite can refuse the switch to WAL at once, without waiting, and createSqliteDb
 * tries again. The race is narrow, so it is run many times.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const ROUNDS = 300;
const ROUND_MS = 15;

/** Opens a new file every ROUND_MS, at instants both processes share; prints the errors it met. */
const OPENER = `
const [dir, start] = process.argv.slice(1);
const { createSqliteDb } = await import(${JSON.stringify(path.join(root, 'dist/storage/db.js'))});
const errors = [];
for (let round = 0; round < ${ROUNDS}; round++) {
  while (Date.now() < Number(start) + round * ${ROUND_MS});
  try {
    await createSqliteDb(dir + '/' + round + '.sqlite').close();
  } catch (error) {
    errors.push(error.code + ': ' + error.message);
  }
}
process.stdout.write(JSON.stringify(errors));
`;

describe('two processes opening one new SQLite file at once', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('both open it in WAL mode', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-open-'));
    const start = String(Date.now() + 1500);
    const openers = await Promise.all([0, 1].map(() => run(process.execPath, ['--input-type=module', '-e', OPENER, dir, start], { cwd: root })));
    expect(openers.flatMap((o) => JSON.parse(o.stdout) as string[])).toEqual([]);
    const modes = new Set(
      fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).map((f) => {
        const db = new Database(path.join(dir, f), { readonly: true });
        const mode = db.pragma('journal_mode', { simple: true });
        db.close();
        return mode;
      }),
    );
    expect(modes).toEqual(new Set(['wal']));
  }, 30_000);
});
