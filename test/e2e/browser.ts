/**
 * End-to-end helpers: a real headless Chromium driven by playwright-core, and a real Dateline server
 * listening on 127.0.0.1 over a fresh temporary SQLite file with the demo newsroom loaded.
 * Suites run only with DATELINE_E2E=1; the browser is the system's (CHROMIUM_PATH or /usr/bin/chromium).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadConfig } from '../../src/config/index.js';
import { serve } from '../../src/main.js';
import { createSqliteDb, type Db } from '../../src/storage/db.js';
import { AccountService } from '../../src/features/accounts/service.js';

export const E2E_ENABLED = process.env.DATELINE_E2E === '1';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A desktop Chrome user agent with a reader tag. Headless Chromium's own UA says "HeadlessChrome",
 * which the views counter rightly treats as a bot; and the counter dedupes readers by IP + UA,
 * so each simulated reader gets its own tag.
 */
export function readerUserAgent(reader: string): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Reader/${reader}`;
}

/** A fresh browser context (own cookies, cache and storage) for one simulated reader. */
export function newReader(browser: Browser, reader: string): Promise<BrowserContext> {
  return browser.newContext({ userAgent: readerUserAgent(reader), locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
}

export interface TestServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts a real server over a new temporary SQLite database, with the demo newsroom loaded. */
export async function startServer(): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${path.join(dataDir, 'e2e.db')}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    VIEWS_FLUSH_MS: '100',
  });
  const server = await serve(config, { demoIfEmpty: true });
  // serve() reports 127.0.0.1 as "localhost"; use the address it really listens on.
  const url = server.url.replace('://localhost:', '://127.0.0.1:');
  return {
    url,
    dataDir,
    close: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a test server's database with an account service, so a suite can create its staff, then closes it. */
export async function createStaff(server: TestServer, create: (accounts: AccountService, db: Db) => Promise<void>): Promise<void> {
  const db = createSqliteDb(path.join(server.dataDir, 'e2e.db'));
  try {
    await create(new AccountService({ db: db.kysely, now: () => new Date(), origin: () => server.url, siteName: () => 'Dateline', siteLang: () => 'ru' }), db);
  } finally {
    await db.close();
  }
}
