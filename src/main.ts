/** Composition root: config → db → services → buildApp → listen. */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { Config } from './config/index.js';
import { createDb } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { createServices } from './services.js';
import { buildApp } from './web/app.js';
import { isEmpty, loadDemo, type DemoAccount } from './demo/loader.js';

export interface ServeOptions {
  /** Load the demo newsroom when the database has no articles yet. */
  demoIfEmpty?: boolean;
}

export interface Server {
  url: string;
  /** The demo staff accounts created by this start (with their one-time passwords), or none. */
  demoAccounts: DemoAccount[];
  close: () => Promise<void>;
}

export async function serve(config: Config, options: ServeOptions = {}): Promise<Server> {
  const logger = pino({ level: config.logLevel });
  fs.mkdirSync(path.resolve(config.dataDir, 'media'), { recursive: true });
  const db = await createDb(config.database, { onConnectionError: (error) => logger.warn({ err: error }, 'a database connection broke; the next query opens a new one') });
  await migrate(db);
  const services = await createServices(config, db, { onError: (error) => logger.error({ err: error }, 'a background task failed (views flush, scheduler, outbox or event relay)') });
  let demoAccounts: DemoAccount[] = [];
  if (options.demoIfEmpty && (await isEmpty(services))) {
    const demo = await loadDemo(services, config.dataDir);
    demoAccounts = demo.accounts;
    logger.info(`Loaded the demo newsroom: ${demo.articles} articles.`);
  }
  // Listening before serving: a page cached now is dropped by the next change on any node.
  await services.relay.start();
  services.views.start();
  services.outbox.start();
  await services.scheduler.start();
  const app = await buildApp({ config, services, logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  services.address.listening(typeof address === 'object' && address ? address.port : config.port);
  if (!config.publicUrl) {
    logger.warn(`PUBLIC_URL is not set: links in pages and mails use ${services.address.origin()}, and only that host, localhost and 127.0.0.1 (and ALLOWED_HOSTS) are served. Set PUBLIC_URL in production.`);
  }
  const close = async () => {
    await app.close();
    await services.outbox.stop();
    await services.scheduler.stop();
    services.mailer.close();
    await services.views.close();
    await services.relay.close();
    await db.close();
  };
  return { url: services.address.origin(), demoAccounts, close };
}
