/**
 * The back office's scope: every route registered in it gets, as hooks that no handler can forget,
 * - the CSRF check on every state-changing request (same origin and the session's token);
 * - the staff check (signed in, second factor passed, mandatory 2FA set up, the role allows the route's action),
 *   decided by the `guard` that the composition root passes in;
 * - one error handler: a domain error becomes a page in the back office's language (the route's own page when it
 *   declares `onRefused`), or JSON for the routes marked `api`.
 */
import type { FastifyError, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DomainError } from '../../lib/errors.js';
import { ERROR_CATALOGUE } from '../errors.js';
import type { Slice } from '../slice.js';
import { refusalOf } from '../validation.js';
import { errorText, GENERAL_ONLY } from './error-text.js';
import type { AdminPages } from './pages.js';

/** What the guard decides for a request: let it through (null), or refuse it, sending a page to `redirect` where one helps. */
export type AccessRefusal = { error: DomainError; redirect?: string } | null;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers JSON: a refusal is a JSON error in the back office's language, not a redirect or a page. */
    api?: boolean;
    /**
     * The CSRF token arrives inside a multipart body, which no hook can read before the handler streams it: the
     * route checks it itself with `AdminPages.verifyCsrf` before it reads any file.
     */
    csrfInBody?: boolean;
    /** How the route shows a refused command: usually its own form again, with the reason and what was sent. */
    onRefused?: (error: DomainError, request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
  }
}

export interface AdminScopeOptions {
  pages: AdminPages;
  /** The staff check for a request, from the route's declared access (the accounts slice decides it). */
  guard: (request: FastifyRequest) => AccessRefusal;
  slices: Slice[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Codes whose page is the plain "not found" page rather than a message about the command. */
const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'ARTICLE_NOT_FOUND']);

export const adminScope: FastifyPluginAsync<AdminScopeOptions> = async (scope, { pages, guard, slices }) => {
  scope.addHook('preValidation', async (request, reply) => {
    const config = request.routeOptions.config;
    if (!SAFE_METHODS.has(request.method) && !config.csrfInBody) pages.verifyCsrf(request);
    const refusal = guard(request);
    if (!refusal) return;
    if (config.api || !refusal.redirect) throw refusal.error;
    return reply.redirect(refusal.redirect, 303);
  });

  scope.setErrorHandler(async (raw: FastifyError | DomainError, request, reply) => {
    const error = raw instanceof DomainError ? raw : refusalOf(raw);
    // Anything else (the database, a fault of ours, a body the parser refused) is the app's error handler's, and so
    // is a request from another site or an expired form, which has no page of ours to go back to.
    if (!error || error.code === 'CSRF' || error.code === 'BAD_ORIGIN') throw raw;
    const config = request.routeOptions.config;
    const status = ERROR_CATALOGUE[error.code].status;
    if (config.api) {
      const message = errorText(request.settings.locale, config.errorTexts ?? GENERAL_ONLY, error);
      return reply.code(status).send({ error: { code: error.code, message, details: error.details } });
    }
    if (error.code === 'FORBIDDEN') return pages.forbidden(request, reply);
    if (config.onRefused) return config.onRefused(error, request, reply);
    if (NOT_FOUND_CODES.has(error.code)) return pages.notFound(request, reply);
    return pages.refused(request, reply, error, status);
  });

  for (const s of slices) await s.register(scope);
};
