/** buildApp(deps): registers plugins and features. It never listens; tests drive it with inject(). */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config/index.js';
import type { Services } from '../services.js';
import type { SiteAddress } from '../lib/site-address.js';
import { DomainError } from '../lib/errors.js';
import { articleRoutes } from '../features/articles/routes.js';
import { archiveRoutes } from '../features/archive/routes.js';
import { viewRoutes } from '../features/views/routes.js';
import { ERROR_CATALOGUE, RETRY_AFTER_SECONDS, codeForError, isClientAbort } from './errors.js';
import { SECURITY_HEADERS } from './plugins/security.js';
import { Site, failurePage, langOfPath } from './site.js';
import { registerAuth } from './plugins/auth.js';
import { registerCompression } from './plugins/compression.js';
import { trackSlashedAdminRoutes } from './plugins/trailing-slash.js';
import { FAVICON_PATH } from './layout/Favicon.js';
import { Csrf, loadCsrfSecret } from './plugins/csrf.js';
import { accountRoutes } from '../features/accounts/routes.js';
import { taxonomyRoutes } from '../features/taxonomy/routes.js';
import { authorRoutes } from '../features/authors/routes.js';
import { settingsRoutes } from '../features/settings/routes.js';
import { editorialRoutes } from '../features/editorial/routes.js';
import { mediaRoutes, MAX_UPLOAD_BYTES } from '../features/media/routes.js';
import { dashboardRoutes } from '../features/dashboard/routes.js';
import type { AdminDeps } from './admin/kit.js';
import { errorText, GENERAL_ONLY } from './admin/error-text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const isBackOffice = (url: string) => /^\/admin(\/|\?|$)/.test(url);
/** Built browser assets: dist/public, next to dist/web when running the build, or from the source tree in tests. */
export const PUBLIC_DIR = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../public' : '../../dist/public');

export interface AppOptions {
  config: Config;
  services: Services;
  logger?: FastifyServerOptions['logger'];
}

/** Whether a request names one of the site's own hosts, in Host and, behind a trusted proxy, X-Forwarded-Host. */
function servesHost(address: SiteAddress, req: http.IncomingMessage, trustProxy: boolean): boolean {
  if (!address.serves(req.headers.host)) return false;
  const forwarded = trustProxy ? req.headers['x-forwarded-host'] : undefined;
  return forwarded === undefined || [forwarded].flat().join(',').split(',').every((host) => address.serves(host));
}

const UNKNOWN_HOST = 'This site does not answer for that host name. Its operator can add the name to ALLOWED_HOSTS or set PUBLIC_URL.\n';

function refuseHost(res: http.ServerResponse): void {
  res.writeHead(400, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(UNKNOWN_HOST) });
  res.end(UNKNOWN_HOST);
}

/** A browser opening a page or sending a form (not the JSON API, not a script's fetch). */
function wantsPage(url: string, accept: string | undefined): boolean {
  return !url.startsWith('/api/') && (accept ?? '').includes('text/html');
}

export async function buildApp({ config, services, logger = false }: AppOptions): Promise<FastifyInstance> {
  const { pageCache } = services;
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // A request for a host the site does not serve is refused first; cached pages are answered before routing.
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!servesHost(services.address, req, config.trustProxy)) refuseHost(res);
        else if (!pageCache.tryServe(req, res)) handler(req, res);
      }),
  });

  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  const site = new Site({
    db: services.db.kysely,
    events: services.events,
    settings: services.settings,
    archive: services.archive,
    pageCache,
    address: services.address,
    now: services.now,
  });

  app.setErrorHandler(async (error, request, reply) => {
    const err = error as Error & { code?: string; statusCode?: number };
    if (err instanceof DomainError) {
      const entry = ERROR_CATALOGUE[err.code];
      // The back office's scripts show the message to a person: in its language, in the route's own words where it has them.
      const message = isBackOffice(request.url) ? errorText(services.settings.get().locale, request.routeOptions.config.errorTexts ?? GENERAL_ONLY, err) : err.message || entry.message;
      return reply.code(entry.status).send({ error: { code: err.code, message, details: err.details } });
    }
    if (isClientAbort(err, request.raw)) {
      request.log.debug({ err }, 'the client closed the connection before its request was read');
      return reply.code(400).send();
    }
    const code = codeForError(err);
    const entry = ERROR_CATALOGUE[code];
    if (code === 'UNAVAILABLE') {
      request.log.warn({ err }, 'the database is unavailable');
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (entry.status >= 500) {
      request.log.error(err);
    }
    // A person opening a page gets a page, not JSON.
    if ((code === 'UNAVAILABLE' || code === 'INTERNAL') && wantsPage(request.url, request.headers.accept)) {
      const sentForm = request.method !== 'GET' && request.method !== 'HEAD';
      return reply
        .code(entry.status)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(failurePage(services.settings.get(), request.url, entry.status as 500 | 503, sentForm));
    }
    const message = code === 'RATE_LIMITED' || code === 'INTERNAL' ? entry.message : `${entry.message} ${code === 'BAD_REQUEST' ? err.message : ''}`.trim();
    return reply.code(entry.status).send({ error: { code, message } });
  });

  const slashedAdminAddress = trackSlashedAdminRoutes(app);
  app.setNotFoundHandler(async (request, reply) => {
    const slashed = slashedAdminAddress(request);
    if (slashed) return reply.redirect(slashed, 301);
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: ERROR_CATALOGUE.NOT_FOUND.message } });
    }
    const { lang } = langOfPath(request.url, services.settings.get().locale);
    return site.sendError(request, reply, lang, 404);
  });

  pageCache.register(app);
  await registerCompression(app);
  await app.register(cookie);
  registerAuth(app, services.accounts);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 16 * 1024, parts: 24 } });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/assets/', decorateReply: false, maxAge: '1h' });
  await app.register(fastifyStatic, { root: path.resolve(config.dataDir, 'media'), prefix: '/media/', decorateReply: false, maxAge: '7d' });

  articleRoutes(app, site);
  archiveRoutes(app, site);
  viewRoutes(app, { counter: services.views, isStaff: (request) => request.user !== null && request.user.role !== 'reader' });

  const admin: AdminDeps = {
    db: services.db.kysely,
    services,
    settings: services.settings,
    accounts: services.accounts,
    csrf: new Csrf(await loadCsrfSecret(services.db.kysely)),
    site,
  };
  accountRoutes(app, admin);
  taxonomyRoutes(app, admin);
  authorRoutes(app, admin);
  settingsRoutes(app, admin);
  editorialRoutes(app, admin);
  mediaRoutes(app, admin);
  dashboardRoutes(app, admin);

  // Browsers and feed readers ask for /favicon.ico whatever the pages say; the icon is an SVG.
  app.get('/favicon.ico', (_request, reply) => reply.redirect(FAVICON_PATH, 301));

  // `events`: whether changes made by other nodes or processes reach this one ('listening'), not now ('lost'), or not at all ('off').
  app.get('/healthz', async () => ({ ok: true, events: services.relay.state }));
  return app;
}
