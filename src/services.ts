/** Builds the services over a database: used by main.ts, the CLI and the tests alike. */
import type { Config } from './config/index.js';
import type { Db } from './storage/db.js';
import { EventBus } from './lib/events.js';
import { SettingsService } from './features/settings/service.js';
import { defaultSettings } from './features/settings/rules.js';
import { ArticleService } from './features/articles/service.js';
import { ArticleReader } from './features/articles/reader.js';
import { ArchiveService } from './features/archive/service.js';
import { ViewCounter } from './features/views/counter.js';
import { PageCache } from './web/plugins/page-cache.js';
import { AccountService } from './features/accounts/service.js';
import { createMailer, type Mailer, type MailMessage } from './features/mail/mailer.js';
import { OutboxWorker } from './jobs/outbox.js';
import { Scheduler } from './jobs/scheduler.js';
import { EditorialService } from './features/editorial/service.js';
import { MediaService } from './features/media/service.js';
import { TaxonomyService } from './features/taxonomy/service.js';
import { AuthorService } from './features/authors/service.js';
import { DashboardQueries } from './features/dashboard/service.js';
import { EventRelay } from './lib/event-relay.js';
import { SiteAddress } from './lib/site-address.js';
import type { ChromeProviders } from './web/layout/context.js';
import { rubricNavigation } from './features/articles/navigation.js';
import { calendarSidebar } from './features/archive/sidebar.js';

export interface Services {
  db: Db;
  events: EventBus;
  settings: SettingsService;
  articles: ArticleService;
  /** Published articles as the reading site reads them, with the read models it keeps. */
  reader: ArticleReader;
  archive: ArchiveService;
  views: ViewCounter;
  pageCache: PageCache;
  accounts: AccountService;
  mailer: Mailer;
  outbox: OutboxWorker;
  editorial: EditorialService;
  media: MediaService;
  taxonomy: TaxonomyService;
  authors: AuthorService;
  /** The back office's dashboard panels. */
  dashboard: DashboardQueries;
  scheduler: Scheduler;
  /** Events to and from the other nodes and processes on the same database. Started by `serve` and the CLI. */
  relay: EventRelay;
  /** The site's own address: every absolute URL in pages and mails starts with its origin. */
  address: SiteAddress;
  /** What the public pages' chrome shows: the navigation and the archive calendar. */
  chrome: ChromeProviders;
  now: () => Date;
}

export interface ServiceOptions {
  now?: () => Date;
  onError?: (error: unknown) => void;
  mailer?: Mailer;
}

export async function createServices(config: Config, db: Db, options: ServiceOptions = {}): Promise<Services> {
  const now = options.now ?? (() => new Date());
  const events = new EventBus();
  const address = new SiteAddress({ publicUrl: config.publicUrl, listenHost: config.host, port: config.port, allowedHosts: config.allowedHosts });
  const settings = await SettingsService.load(db.kysely, events, defaultSettings(config.siteDefaults));
  const articles = new ArticleService(db.kysely, events, now, () => settings.get().timeZone);
  const mailer = options.mailer ?? createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, dataDir: config.dataDir });
  const pageCache = new PageCache(config.pageCache, events, config.pageCacheBytes, () => now().getTime());
  const relay = new EventRelay({
    notifier: db.notifier,
    events,
    beforeRemote: async (event) => {
      if (event.type === 'settings.changed' || event.type === 'events.missed') await settings.reload();
    },
    onLive: (live) => pageCache.setHearing(live),
    onError: options.onError,
  });
  const archive = new ArchiveService(db.kysely, events, () => settings.get(), now);
  return {
    db,
    events,
    settings,
    articles,
    reader: new ArticleReader(db.kysely, events),
    editorial: new EditorialService(db.kysely, articles, () => settings.get().timeZone),
    media: new MediaService({ db: db.kysely, dataDir: config.dataDir, now }),
    taxonomy: new TaxonomyService(db.kysely, events),
    authors: new AuthorService(db.kysely, events),
    dashboard: new DashboardQueries(db.kysely),
    scheduler: new Scheduler(articles, options.onError),
    archive,
    chrome: { navigation: rubricNavigation(db.kysely, events), calendar: calendarSidebar(archive), todayEndsAt: () => archive.todayEndsAt() },
    views: new ViewCounter({
      db: db.kysely,
      events,
      timeZone: () => settings.get().timeZone,
      flushMs: config.viewsFlushMs,
      now,
      onError: options.onError,
    }),
    pageCache,
    relay,
    accounts: new AccountService({ db: db.kysely, now, origin: () => address.origin(), siteName: () => settings.get().name, siteLang: () => settings.get().locale }),
    mailer,
    address,
    outbox: new OutboxWorker(db, { mail: (payload) => mailer.send(payload as MailMessage) }, now, options.onError),
    now,
  };
}
