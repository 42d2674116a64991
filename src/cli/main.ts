/** The `dateline` command: serve, migrate, demo, settings. */
import 'dotenv/config';
import { loadConfig, ConfigError, type Config } from '../config/index.js';
import { createDb } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';
import { createServices } from '../services.js';
import { isEmpty, loadDemo } from '../demo/loader.js';
import { serve } from '../main.js';
import { SETTING_KEYS, SettingsValidationError, type SettingKey } from '../features/settings/rules.js';

const USAGE = `Usage: dateline <command>

Commands:
  serve [--demo]            migrate, then serve the site (--demo: load the demo newsroom into an empty database)
  migrate                   apply database migrations
  demo [--force]            load the demo newsroom (refuses a database that already has articles unless --force)
  settings                  show the site settings
  settings set KEY VALUE    change one setting; VALUE is JSON for lists and objects (keys: ${SETTING_KEYS.join(', ')})

Configuration comes from the environment or .env: PORT, HOST, DATABASE_URL, PUBLIC_URL, DATA_DIR, … (see README).`;

class UsageError extends Error {}

async function withServices<T>(config: Config, fn: (s: Awaited<ReturnType<typeof createServices>>) => Promise<T>): Promise<T> {
  const db = createDb(config.database);
  try {
    await migrate(db);
    const services = await createServices(config, db);
    return await fn(services);
  } finally {
    await db.close();
  }
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
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const db = createDb(config.database);
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
        if (!(await isEmpty(services)) && !args.includes('--force')) {
          throw new UsageError('The database already has articles; the demo is loaded only into an empty one (use --force to add it anyway).');
        }
        const { articles } = await loadDemo(services, config.dataDir);
        out(`Loaded the demo newsroom: ${articles} articles.`);
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
    else console.error(`dateline: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
