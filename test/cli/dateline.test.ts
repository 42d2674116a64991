import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

async function dateline(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('node', [path.join(root, 'bin/dateline.js'), ...args], {
      env: { PATH: process.env.PATH!, ...env },
      cwd: os.tmpdir(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dateline CLI', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, 'dist/.built'))) {
      const { buildAll } = (await import(path.join(root, 'scripts/build.mjs'))) as { buildAll: () => Promise<void> };
      await buildAll();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-'));
    env = { DATABASE_URL: `sqlite:${dir}/cli.db`, DATA_DIR: dir };
  });

  it('prints usage and exits 2 without a command', async () => {
    const r = await dateline([], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: dateline <command>');
  });

  it('migrates, loads the demo once, and refuses to load it twice', async () => {
    expect((await dateline(['migrate'], env)).stdout).toContain('Applied: 001_initial');
    expect((await dateline(['migrate'], env)).stdout).toContain('The database is up to date.');
    const demo = await dateline(['demo'], env);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/Loaded the demo newsroom: \d+ articles\./);
    const again = await dateline(['demo'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already has articles');
  });

  it('shows and sets settings, refusing bad values with a reason', async () => {
    const shown = await dateline(['settings'], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ timeZone: 'Europe/Moscow', weekStart: 1 });
    const set = await dateline(['settings', 'set', 'weekStart', '7'], env);
    expect(set.stdout.trim()).toBe('weekStart = 7');
    const name = await dateline(['settings', 'set', 'name', 'Caspian Courier'], env);
    expect(name.stdout.trim()).toBe('name = "Caspian Courier"');
    const bad = await dateline(['settings', 'set', 'timeZone', 'Mars/Olympus'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('timeZone: is not a known IANA time zone');
    const unknown = await dateline(['settings', 'set', 'colour', 'red'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown setting "colour"');
    expect(JSON.parse((await dateline(['settings'], env)).stdout)).toMatchObject({ weekStart: 7, name: 'Caspian Courier' });
  });

  it('names a bad configuration value and exits non-zero without a stack trace', async () => {
    const r = await dateline(['migrate'], { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://db' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT="eighty"');
    expect(r.stderr).toContain('DATABASE_URL="mysql://db": must start with sqlite: or postgres://');
    expect(r.stderr).not.toContain('    at ');
  });

  it('rejects an unknown command', async () => {
    const r = await dateline(['frobnicate'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
  });
});
