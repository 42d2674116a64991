/** buildApp(deps): registers plugins and features. It never listens; tests drive it with inject(). */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { refusalOf } from './validation.js';
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
import { Site, failurePage, langOfPath } from './public/site.js';
import { publicScope } from './public/scope.js';
import { adminScope } from './admin/scope.js';
import { AdminPages } from './admin/pages.js';
import { slice } from './slice.js';
import { registerSettingsSnapshot } from './plugins/settings-snapshot.js';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { staffAccess } from '../features/accounts/access.js';
import { adminChrome } from '../features/accounts/menu.js';
import { registerAuth } from '../features/accounts/session.js';
import { slashedAdminAddress } from './plugins/trailing-slash.js';
import { recordRoutes } from './plugins/route-table.js';
import { registerCompression } from './plugins/compression.js';
import { FAVICON_PATH } from './layout/Favicon.js';
import { Csrf } from './plugins/csrf.js';
import { accountRoutes } from '../features/accounts/routes.js';
import { taxonomyRoutes } from '../features/taxonomy/routes.js';
import { authorRoutes } from '../features/authors/routes.js';
import { settingsRoutes } from '../features/settings/routes.js';
import { editorialRoutes } from '../features/editorial/routes.js';
import { mediaRoutes } from '../features/media/routes.js';
import { MAX_UPLOAD_BYTES } from '../features/media/rules.js';
import { dashboardRoutes } from '../features/dashboard/routes.js';
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

  recordRoutes(app);
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerSettingsSnapshot(app, () => services.settings.get());
  const site = new Site({ chrome: services.chrome, pageCache, address: services.address });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // A request that a route schema refused is answered as the domain error it amounts to.
    const err = refusalOf(error) ?? (error as Error & { code?: string; statusCode?: number });
    if (err instanceof DomainError) {
      const entry = ERROR_CATALOGUE[err.code];
      // The back office's scripts show the message to a person: in its language, in the route's own words where it has them.
      const message = isBackOffice(request.url) ? errorText(request.settings.locale, request.routeOptions.config.errorTexts ?? GENERAL_ONLY, err) : err.message || entry.message;
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
        .send(failurePage(request.settings ?? services.settings.get(), request.url, entry.status as 500 | 503, sentForm));
    }
    const message = code === 'RATE_LIMITED' || code === 'INTERNAL' ? entry.message : `${entry.message} ${code === 'BAD_REQUEST' ? err.message : ''}`.trim();
    return reply.code(entry.status).send({ error: { code, message } });
  });

  const slashedAddress = slashedAdminAddress(app);
  app.setNotFoundHandler(async (request, reply) => {
    const slashed = slashedAddress(request);
    if (slashed) return reply.redirect(slashed, 301);
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: ERROR_CATALOGUE.NOT_FOUND.message } });
    }
    const { lang } = langOfPath(request.url, request.settings.locale);
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

  await app.register(publicScope, {
    site,
    pages: [
      slice(articleRoutes, { site, reader: services.reader }),
      slice(archiveRoutes, { site, articles: services.reader }),
    ],
    endpoints: [slice(viewRoutes, { counter: services.views, isStaff: (request) => request.user !== null && request.user.role !== 'reader' })],
  });

  const csrf = new Csrf(await services.settings.serverSecret('csrf'));
  const pages = new AdminPages({ csrf, member: adminChrome });
  await app.register(adminScope, {
    pages,
    guard: staffAccess,
    slices: [
      slice(accountRoutes, { pages, accounts: services.accounts }),
      slice(taxonomyRoutes, { pages, taxonomy: services.taxonomy }),
      slice(mediaRoutes, { pages, media: services.media }),
      slice(authorRoutes, { pages, authors: services.authors }),
      slice(editorialRoutes, { pages, site, editorial: services.editorial }),
      slice(settingsRoutes, { pages, settings: services.settings }),
      slice(dashboardRoutes, { pages, dashboard: services.dashboard, now: services.now }),
    ],
  });

  // Browsers and feed readers ask for /favicon.ico whatever the pages say; the icon is an SVG.
  app.get('/favicon.ico', (_request, reply) => reply.redirect(FAVICON_PATH, 301));

  // `events`: whether changes made by other nodes or processes reach this one ('listening'), not now ('lost'), or not at all ('off').
  app.get('/healthz', async () => ({ ok: true, events: services.relay.state }));
  return app;
}
