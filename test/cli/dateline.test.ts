import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createSqliteDb } from '../../src/storage/db.js';
import { loadConfig } from '../../src/config/index.js';
import { createServices } from '../../src/services.js';

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
    // The demo staff accounts are printed once, with their freshly generated passwords.
    expect(demo.stdout).toContain('Demo sign-in at http://localhost:3000/admin/:');
    for (const role of ['owner', 'editor', 'author', 'moderator']) expect(demo.stdout).toMatch(new RegExp(`${role}@dateline\\.test +/ [A-Za-z0-9]{20} +\\(${role}\\)`));
    const again = await dateline(['demo'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already has articles');
    expect(again.stdout).not.toContain('Demo sign-in');
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

  describe('dateline user', () => {
    let userEnv: Record<string, string>;
    let dbFile: string;
    beforeAll(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-user-'));
      dbFile = `${dir}/users.db`;
      userEnv = { DATABASE_URL: `sqlite:${dbFile}`, DATA_DIR: dir };
    });

    /** Signs in through the account service over the CLI's database file; returns whether it worked. */
    async function canSignIn(email: string, password: string): Promise<boolean> {
      const db = createSqliteDb(dbFile);
      try {
        const services = await createServices(loadConfig({ DATA_DIR: userEnv.DATA_DIR }), db);
        await services.accounts.signIn({ email, password, ip: '127.0.0.1', userAgent: 'test' });
        return true;
      } catch {
        return false;
      } finally {
        await db.close();
      }
    }

    async function sessionsOf(email: string): Promise<number> {
      const db = createSqliteDb(dbFile);
      try {
        const rows = await db.kysely.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select('sessions.id').where('users.email', '=', email).execute();
        return rows.length;
      } finally {
        await db.close();
      }
    }

    it('creates the first account with a strong generated password, printed once', async () => {
      const r = await dateline(['user', 'create', '--email', 'Owner@Example.com', '--name', 'Елена Воронцова', '--role', 'owner'], userEnv);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Created owner owner@example.com (Елена Воронцова). Sign in at http://localhost:3000/admin/');
      const password = /Password: (\S+)/.exec(r.stdout)![1]!;
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(await canSignIn('owner@example.com', password)).toBe(true);
    });

    it('creates an account with a given password and links it to a byline', async () => {
      const r = await dateline(['user', 'create', '--email', 'editor@example.com', '--name=Анна Морозова', '--role', 'editor', '--password', 'caspian-ferry-2024'], userEnv);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('Password:');
      expect(await canSignIn('editor@example.com', 'caspian-ferry-2024')).toBe(true);
      const unknown = await dateline(['user', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'author', '--author', 'nobody'], userEnv);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('There is no author profile "nobody"');
      const db = createSqliteDb(dbFile);
      try {
        const author = await db.kysely
          .insertInto('authors')
          .values({ slug: 'aliyev', name: 'Рустам Алиев', translations: '{}', bio: '', role_title: '', photo_image_id: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        const r = await dateline(['user', 'create', '--email', 'aliyev@example.com', '--name', 'Рустам Алиев', '--role', 'author', '--author', 'aliyev'], userEnv);
        expect(r.code).toBe(0);
        const user = await db.kysely.selectFrom('users').select(['role', 'author_id']).where('email', '=', 'aliyev@example.com').executeTakeFirstOrThrow();
        expect(user).toEqual({ role: 'author', author_id: author.id });
      } finally {
        await db.close();
      }
    });

    it('refuses a bad role, a bad or taken e-mail and a short password, with a reason and a non-zero exit', async () => {
      const base = ['user', 'create', '--name', 'Рустам Алиев'];
      const cases: Array<[string[], number, string]> = [
        [[...base, '--email', 'rustam@example.org', '--role', 'admin'], 2, 'Unknown role "admin". Roles: owner, editor, author, moderator.'],
        [[...base, '--email', 'rustam@example.org', '--role', 'reader'], 2, 'Unknown role "reader"'],
        [[...base, '--email', 'rustam-at-example', '--role', 'author'], 1, '“rustam-at-example” is not an e-mail address.'],
        [[...base, '--email', 'EDITOR@example.com', '--role', 'author'], 1, 'An account with editor@example.com already exists.'],
        [[...base, '--email', 'rustam@example.org', '--role', 'author', '--password', 'short'], 1, 'The password must be at least 10 characters long.'],
        [['user', 'create', '--email', 'rustam@example.org', '--role', 'author'], 2, 'Missing --name.'],
        [[...base, '--email', 'rustam@example.org', '--role', 'author', '--colour', 'red'], 2, 'Unknown argument "--colour"'],
        [['user', 'create', '--email'], 2, '--email needs a value.'],
        [['user', 'create', '--email', '--name', 'Рустам Алиев'], 2, '--email needs a value.'],
        [['user', 'create', 'stray', '--email', 'rustam@example.org'], 2, 'Unknown argument "stray"'],
        [['user', 'rename'], 2, 'Usage:\n  dateline user create'],
      ];
      for (const [args, code, message] of cases) {
        const r = await dateline(args, userEnv);
        expect(r.code, args.join(' ')).toBe(code);
        expect(r.stderr, args.join(' ')).toContain(message);
        expect(r.stderr).not.toContain('    at ');
      }
      expect(await canSignIn('rustam@example.org', 'short')).toBe(false);
    });

    it('sets a new password, printing a generated one, and signs the account out everywhere', async () => {
      expect(await canSignIn('editor@example.com', 'caspian-ferry-2024')).toBe(true);
      expect(await sessionsOf('editor@example.com')).toBeGreaterThan(0);
      const r = await dateline(['user', 'password', '--email', 'Editor@example.com'], userEnv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Set a new password for editor@example.com and signed the account out everywhere.');
      const password = /Password: (\S+)/.exec(r.stdout)![1]!;
      expect(await sessionsOf('editor@example.com')).toBe(0);
      expect(await canSignIn('editor@example.com', 'caspian-ferry-2024')).toBe(false);
      expect(await canSignIn('editor@example.com', password)).toBe(true);

      const given = await dateline(['user', 'password', '--email', 'editor@example.com', '--password', 'volga-delta-sturgeon'], userEnv);
      expect(given.code).toBe(0);
      expect(given.stdout).not.toContain('Password:');
      expect(await canSignIn('editor@example.com', 'volga-delta-sturgeon')).toBe(true);

      const short = await dateline(['user', 'password', '--email', 'editor@example.com', '--password', 'short'], userEnv);
      expect(short.code).toBe(1);
      expect(short.stderr).toContain('The password must be at least 10 characters long.');
      const unknown = await dateline(['user', 'password', '--email', 'nobody@example.com'], userEnv);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('There is no account with the e-mail nobody@example.com.');
    });

    it('lists the user commands in the usage text', async () => {
      const r = await dateline(['help'], userEnv);
      expect(r.stdout).toContain('user create --email E --name N --role owner|editor|author|moderator');
      expect(r.stdout).toContain('user password --email E [--password P]');
    });
  });
});

describe('dateline user reset-2fa', () => {
  it('turns the second factor off for a known account and names an unknown one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-2fa-'));
    const env = { DATABASE_URL: `sqlite:${dir}/cli.db`, DATA_DIR: dir };
    expect((await dateline(['user', 'create', '--email', 'ed@example.com', '--name', 'Ed', '--role', 'editor', '--password', 'caspian-ferry-2024'], env)).code).toBe(0);
    const sqlite = new Database(`${dir}/cli.db`);
    sqlite.prepare("update users set totp_enabled = 1, totp_secret = 'JBSWY3DPEHPK3PXP' where email = 'ed@example.com'").run();
    const ok = await dateline(['user', 'reset-2fa', '--email', 'ed@example.com'], env);
    expect(ok.code).toBe(0);
    expect(sqlite.prepare("select totp_enabled, totp_secret from users where email = 'ed@example.com'").get()).toEqual({ totp_enabled: 0, totp_secret: null });
    sqlite.close();
    expect(ok.stdout).toContain('Two-factor authentication is off for ed@example.com');
    const unknown = await dateline(['user', 'reset-2fa', '--email', 'nobody@example.com'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no account with the e-mail nobody@example.com');
  });
});
