/**
 * Shared plumbing for public pages: the language of a request, the page chrome's data,
 * and sending a rendered page (ETag, 304, and storing it in the page cache).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, raw, renderDocument, transientBytes, type Html } from '../../lib/html.js';
import { LANGS, langPrefix, translator, type Lang } from '../../lib/i18n.js';
import type { SiteAddress } from '../../lib/site-address.js';
import { Dependencies } from '../../lib/dependencies.js';
import { carriesSession, type PageCache } from '../plugins/page-cache.js';
import type { ChromeProviders, MonthRef, PageContext } from '../layout/context.js';
import { Layout } from '../layout/Layout.js';
import { Favicon } from '../layout/Favicon.js';

export interface SiteDeps {
  chrome: ChromeProviders;
  pageCache: PageCache;
  address: SiteAddress;
}

/** The sidebar until the calendar, which renders from the rest of the context, is in. */
const EMPTY = raw('');

export class Site {
  constructor(private readonly deps: SiteDeps) {}

  /**
   * Builds the chrome of a page: `path` is the page's own path, `month` the calendar month to show. The context's
   * `dependsOn` starts with what the chrome shows; the route adds what the page shows and passes it to `send`.
   */
  async context(request: FastifyRequest, lang: Lang, path: string, options: { month?: MonthRef; alternatePath?: string | null } = {}): Promise<PageContext> {
    const { settings } = request;
    const { chrome } = this.deps;
    const [nav, calendar] = await Promise.all([chrome.navigation(lang), chrome.calendar(lang, options.month)]);
    const other = LANGS.find((l) => l !== lang)!;
    const alternatePath = options.alternatePath === undefined ? `${langPrefix(other, settings.locale)}/` : options.alternatePath;
    const ctx: PageContext = {
      lang,
      tr: translator(lang),
      settings,
      prefix: langPrefix(lang, settings.locale),
      origin: this.deps.address.origin(),
      path,
      nav: nav.items,
      dependsOn: new Dependencies().add(nav.deps).add(calendar.deps),
      alternate: alternatePath === null ? null : { lang: other, href: alternatePath },
      sidebar: EMPTY,
    };
    // Filled in on the same object: a copy spread from it kept every uncached page's context alive through two
    // scavenges (about 20 KB promoted per minor GC, 25 MB more RSS, 5–10 % fewer pages a second).
    ctx.sidebar = calendar.render(ctx);
    return ctx;
  }

  /**
   * Sends a page; a 200 public page is stored in the cache under its exact URL until an event changes something
   * it depends on (`deps`, null for an error page, which is never kept) or midnight.
   */
  send(request: FastifyRequest, reply: FastifyReply, page: Html, deps: Dependencies | null, status = 200): FastifyReply {
    const html = renderDocument(page);
    const contentType = 'text/html; charset=utf-8';
    const cacheable = status === 200 && deps !== null && request.method === 'GET' && !carriesSession(request.headers.cookie);
    // Bytes, not a string: Fastify would otherwise measure the string and the socket encode it a second time.
    let body: Buffer;
    let etag: string | null = null;
    // A hash and compression are worth it only for a page that the cache will serve again.
    if (!cacheable || !deps || !this.deps.pageCache.enabled) {
      body = transientBytes(html);
    } else {
      body = Buffer.from(html);
      etag = this.deps.pageCache.store(request.url, body, contentType, this.deps.chrome.todayEndsAt(), request.cacheGeneration, deps);
    }
    reply.code(status).header('content-type', contentType);
    if (!cacheable) {
      reply.header('cache-control', 'no-store');
    } else {
      reply.header('cache-control', 'public, max-age=0, must-revalidate');
      if (etag) {
        reply.header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      }
    }
    return reply.send(body);
  }

  /** A page that explains an error to a person (404, 410, 400). */
  async sendError(request: FastifyRequest, reply: FastifyReply, lang: Lang, status: 400 | 404 | 410, message?: string): Promise<FastifyReply> {
    const ctx = await this.context(request, lang, request.url.split('?')[0]!);
    const { tr, prefix } = ctx;
    const title = status === 410 ? tr.t('goneTitle') : tr.t('notFoundTitle');
    const text = message ?? (status === 410 ? tr.t('goneText') : tr.t('notFoundText'));
    const page = (
      <Layout ctx={ctx} title={title}>
        <section class="error-page">
          <h1>{title}</h1>
          <p>{text}</p>
          <p>
            <a href={`${prefix}/`}>{tr.t('toHome')}</a>
          </p>
        </section>
      </Layout>
    );
    return this.send(request, reply, page, null, status);
  }
}

/**
 * A page for a failure on our side (500) or an unavailable database (503). It needs nothing but the settings in
 * memory, because the database may be what failed: no navigation, no calendar.
 */
export function failurePage(settings: { name: string; locale: Lang }, url: string, status: 500 | 503, sentForm = false): string {
  const { lang } = langOfPath(url, settings.locale);
  const tr = translator(lang);
  const title = status === 503 ? tr.t('unavailableTitle') : tr.t('failureTitle');
  const home = `${langPrefix(lang, settings.locale)}/`;
  return renderDocument(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${settings.name}`}</title>
        <Favicon />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <header class="site-header">
          <a class="site-name" href={home}>
            {settings.name}
          </a>
        </header>
        <main id="main" class="error-page">
          <h1>{title}</h1>
          <p>{status === 503 ? tr.t(sentForm ? 'unavailableSaveText' : 'unavailableText') : tr.t('failureText')}</p>
          <p>
            <a href={home}>{tr.t('toHome')}</a>
          </p>
        </main>
      </body>
    </html>,
  );
}

/** The language of a request from its path prefix: none means the site's own language. */
export function langOfPath(path: string, siteLocale: Lang): { lang: Lang; redirect: string | null } {
  const m = /^\/(ru|en)(\/|$)/.exec(path);
  if (!m) return { lang: siteLocale, redirect: null };
  const lang = m[1] as Lang;
  if (lang === siteLocale) return { lang, redirect: path.slice(3) || '/' };
  return { lang, redirect: null };
}
