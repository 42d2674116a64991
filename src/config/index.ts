/**
 * All settings in one schema, read once at start-up from the environment (and `.env`).
 * A bad value stops start-up with a message that names the variable.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../lib/time.js';
import { LANGS } from '../lib/i18n.js';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** A host name, an IPv4 address, a bracketed IPv6 address, or `.example.org` for a domain and its subdomains. */
const HOST_NAME = /^(\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/i;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:./data/dateline.db'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ALLOWED_HOSTS: z
    .string()
    .transform((v) => v.split(',').map((h) => h.trim()).filter(Boolean))
    .refine((hosts) => hosts.every((h) => HOST_NAME.test(h)), 'must be host names separated by commas, such as news.example.org,.example.org')
    .default([]),
  DATA_DIR: z.string().min(1).default('./data'),
  PAGE_CACHE: bool.default(true),
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(64),
  VIEWS_FLUSH_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Dateline <newsroom@localhost>'),
  SITE_NAME: z.string().min(1).default('Dateline'),
  SITE_LOCALE: z.enum(LANGS).default('ru'),
  SITE_TIME_ZONE: z.string().refine(isValidTimeZone, 'is not a known IANA time zone').default('Europe/Moscow'),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string | undefined;
  /** Hosts served besides PUBLIC_URL's (or, without it, besides localhost and the listening address). */
  allowedHosts: string[];
  dataDir: string;
  pageCache: boolean;
  /** The page cache's memory budget: pages and their compressed copies. */
  pageCacheBytes: number;
  viewsFlushMs: number;
  trustProxy: boolean;
  logLevel: Env['LOG_LEVEL'];
  siteDefaults: { name: string; locale: Env['SITE_LOCALE']; timeZone: string };
  mail: { smtpUrl: string | undefined; from: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseDatabaseUrl(url: string): Config['database'] {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { kind: 'sqlite', file: file || ':memory:' };
  }
  return { kind: 'postgres', url };
}

/** Builds the config from environment-like variables; throws ConfigError naming each bad variable. */
export function loadConfig(vars: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => {
        const name = String(i.path[0] ?? '?');
        return `${name}=${JSON.stringify(present[name] ?? '')}: ${i.message}`;
      }),
    );
  }
  const env = result.data;
  return {
    port: env.PORT,
    host: env.HOST,
    database: parseDatabaseUrl(env.DATABASE_URL),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    allowedHosts: env.ALLOWED_HOSTS,
    dataDir: env.DATA_DIR,
    pageCache: env.PAGE_CACHE,
    pageCacheBytes: env.PAGE_CACHE_MB * 1024 * 1024,
    viewsFlushMs: env.VIEWS_FLUSH_MS,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    siteDefaults: { name: env.SITE_NAME, locale: env.SITE_LOCALE, timeZone: env.SITE_TIME_ZONE },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
  };
}
