/** The `dateline` command: serve, migrate, demo, settings, user. */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from '../config/index.js';
import { createDb } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';
import { createServices } from '../services.js';
import { demoSignInText, isEmpty, loadDemo } from '../demo/loader.js';
import { serve } from '../main.js';
import { SettingsValidationError } from '../features/settings/rules.js';
import { SETTING_KEYS, type SettingKey } from '../lib/site-settings.js';
import { DomainError } from '../lib/errors.js';
import { STAFF_ROLES, type StaffRole } from '../features/accounts/policy.js';
import { generatePassword } from '../features/accounts/rules.js';
import type { Services } from '../services.js';

const USAGE = `Usage: dateline <command>

Commands:
  serve [--demo]            migrate, then serve the site (--demo: load the demo newsroom into an empty database)
  migrate                   apply database migrations
  demo                      load the demo newsroom into an empty database
  settings                  show the site settings
  settings set KEY VALUE    change one setting; VALUE is JSON for lists and objects (keys: ${SETTING_KEYS.join(', ')})
  user create --email E --name N --role ${STAFF_ROLES.join('|')} [--author SLUG] [--password P]
                            create a staff account (without --password, a strong one is generated and printed once;
                            --author links the account to a byline profile)
  user password --email E [--password P]
                            set a new password (generated and printed once if omitted) and sign the account out everywhere
  user reset-2fa --email E  turn off two-factor authentication for a person who lost their device

Configuration comes from the environment or .env: PORT, HOST, DATABASE_URL, PUBLIC_URL, DATA_DIR, … (see README).`;

class UsageError extends Error {}

async function withServices<T>(config: Config, fn: (s: Services) => Promise<T>): Promise<T> {
  const db = await createDb(config.database);
  try {
    await migrate(db);
    const services = await createServices(config, db);
    // Running servers hear of the change: over NOTIFY on PostgreSQL, through the file's data_version on SQLite.
    await services.relay.start();
    try {
      return await fn(services);
    } finally {
      await services.relay.close();
    }
  } finally {
    await db.close();
  }
}

/** `--name value` and `--name=value` options (node:util parseArgs); anything else, or a name not in `known`, is a usage error. */
function parseOptions(args: string[], known: readonly string[], usage: string): Record<string, string> {
  try {
    const { values } = parseArgs({ args, options: Object.fromEntries(known.map((name) => [name, { type: 'string' as const }])), strict: true, allowPositionals: false });
    return values as Record<string, string>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // parseArgs names the argument in quotes: '--colour', '--email <value>', 'stray'.
    const argument = /'([^' ]+)/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${argument} needs a value.\n\n${usage}`);
    if (code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(`Unknown argument "${argument}".\n\n${usage}`);
    throw error;
  }
}

const USER_USAGE = `Usage:
  dateline user create --email E --name N --role ${STAFF_ROLES.join('|')} [--author SLUG] [--password P]
  dateline user password --email E [--password P]
  dateline user reset-2fa --email E`;

function printPassword(out: (line: string) => void, password: string): void {
  out(`Password: ${password}`);
  out('It is shown only this once: pass it on safely. It can be changed with "dateline user password".');
}

async function userCommand(config: Config, services: Services, args: string[], out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') {
    const o = parseOptions(rest, ['email', 'name', 'role', 'author', 'password'], USER_USAGE);
    const missing = ['email', 'name', 'role'].filter((k) => !o[k]);
    if (missing.length) throw new UsageError(`Missing ${missing.map((k) => `--${k}`).join(', ')}.\n\n${USER_USAGE}`);
    if (!(STAFF_ROLES as readonly string[]).includes(o.role!)) throw new UsageError(`Unknown role "${o.role}". Roles: ${STAFF_ROLES.join(', ')}.`);
    let authorId: number | null = null;
    if (o.author !== undefined) {
      const author = await services.db.kysely.selectFrom('authors').select('id').where('slug', '=', o.author).executeTakeFirst();
      if (!author) throw new UsageError(`There is no author profile "${o.author}".`);
      authorId = author.id;
    }
    const password = o.password ?? generatePassword();
    await services.accounts.createUser({ email: o.email!, name: o.name!, role: o.role as StaffRole, password, authorId });
    out(`Created ${o.role} ${o.email!.trim().toLowerCase()} (${o.name!.trim()}). Sign in at ${services.address.origin()}/admin/`);
    if (o.password === undefined) printPassword(out, password);
    return 0;
  }
  if (sub === 'password') {
    const o = parseOptions(rest, ['email', 'password'], USER_USAGE);
    if (!o.email) throw new UsageError(`Missing --email.\n\n${USER_USAGE}`);
    const password = o.password ?? generatePassword();
    await services.accounts.setPassword(o.email, password);
    out(`Set a new password for ${o.email.trim().toLowerCase()} and signed the account out everywhere.`);
    if (o.password === undefined) printPassword(out, password);
    return 0;
  }
  if (sub === 'reset-2fa') {
    const o = parseOptions(rest, ['email'], USER_USAGE);
    if (!o.email) throw new UsageError(`Missing --email.\n\n${USER_USAGE}`);
    await services.accounts.resetTotp(o.email);
    out(`Two-factor authentication is off for ${o.email.trim().toLowerCase()}; the account was signed out everywhere. They can turn it on again under "My account".`);
    return 0;
  }
  throw new UsageError(USER_USAGE);
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function run(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig(env);
  switch (command) {
    case 'serve': {
      const server = await serve(config, { demoIfEmpty: args.includes('--demo') });
      out(`Dateline is serving ${server.url}`);
      if (server.demoAccounts.length) out(demoSignInText(server.url, server.demoAccounts));
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const db = await createDb(config.database);
      try {
        const applied = await migrate(db);
        out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'demo':
      return withServices(config, async (services) => {
        if (!(await isEmpty(services))) {
          throw new UsageError('The database already has articles; the demo is loaded only into an empty one.');
        }
        const { articles, accounts } = await loadDemo(services, config.dataDir);
        out(`Loaded the demo newsroom: ${articles} articles.`);
        if (accounts.length) out(demoSignInText(services.address.origin(), accounts));
        return 0;
      });
    case 'settings':
      return withServices(config, async (services) => {
        if (args.length === 0) {
          out(JSON.stringify(services.settings.get(), null, 2));
          return 0;
        }
        const [sub, key, value] = args;
        if (sub !== 'set' || !key || value === undefined) throw new UsageError('Usage: dateline settings set KEY VALUE');
        if (!SETTING_KEYS.includes(key as SettingKey)) throw new UsageError(`Unknown setting "${key}". Known settings: ${SETTING_KEYS.join(', ')}.`);
        const updated = await services.settings.set(key as SettingKey, parseValue(value));
        out(`${key} = ${JSON.stringify(updated[key as SettingKey])}`);
        return 0;
      });
    case 'user':
      return withServices(config, (services) => userCommand(config, services, args, out));
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

export async function cli(): Promise<void> {
  try {
    const code = await run(process.argv.slice(2), process.env, (line) => console.log(line));
    if (code >= 0) process.exitCode = code;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
    else if (error instanceof SettingsValidationError) console.error(`Invalid value: ${error.message}`);
    else if (error instanceof DomainError) console.error(error.message);
    else console.error(`dateline: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
