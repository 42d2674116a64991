/** Plumbing shared by every back-office route: the admin context, guards, and sending pages. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { h, renderDocument, type Html } from '../../lib/html.js';
import { DomainError } from '../../lib/errors.js';
import type { Database } from '../../storage/schema.js';
import type { SettingsService } from '../../features/settings/service.js';
import type { AccountService, SessionUser } from '../../features/accounts/service.js';
import { can, type Action } from '../../features/accounts/policy.js';
import type { Services } from '../../services.js';
import type { Csrf } from '../plugins/csrf.js';
import type { Site } from '../public/site.js';
import type { AdminPages } from './pages.js';
import { SECURITY_HEADERS } from '../plugins/security.js';
import { AdminLayout, type AdminContext } from './AdminLayout.js';
import { ADMIN_TEXT } from './text.js';
import type { FormFields } from './fields.js';

export interface AdminDeps {
  db: Kysely<Database>;
  services: Services;
  settings: SettingsService;
  accounts: AccountService;
  csrf: Csrf;
  site: Site;
  pages: AdminPages;
}

export function adminContext(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply): AdminContext {
  return deps.pages.context(request, reply);
}

export function sendAdmin(reply: FastifyReply, page: Html, status = 200): FastifyReply {
  return reply.code(status).headers(SECURITY_HEADERS).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(page));
}

/**
 * Lets a signed-in staff member through (optionally only with the right to `action`); otherwise sends
 * the sign-in page, the second-factor step, the mandatory 2FA setup, or a 403, and returns null.
 */
export function requireStaff(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply, action: Action = 'dashboard.view'): SessionUser | null {
  const user = request.user;
  if (!user || user.role === 'reader') {
    void reply.redirect(`/admin/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    return null;
  }
  if (user.mfaPending) {
    void reply.redirect('/admin/sign-in/code', 303);
    return null;
  }
  if (deps.settings.get().staffTotpRequired && !user.totpEnabled && !request.url.startsWith('/admin/account')) {
    void reply.redirect('/admin/account/?required=2fa', 303);
    return null;
  }
  if (!can(user, action)) {
    sendForbidden(deps, request, reply);
    return null;
  }
  return user;
}

/**
 * The signed-in staff member for a back-office JSON endpoint, under the same rules as requireStaff; a
 * DomainError (answered as JSON) instead of the redirects and pages that requireStaff sends.
 */
export function requireApiStaff(deps: AdminDeps, request: FastifyRequest, action: Action): SessionUser {
  const user = request.user;
  if (!user || user.role === 'reader' || user.mfaPending) throw new DomainError('UNAUTHENTICATED', 'Please sign in first.');
  if (deps.settings.get().staffTotpRequired && !user.totpEnabled) throw new DomainError('FORBIDDEN', 'Set up two-factor authentication first.', ['totp: required']);
  if (!can(user, action)) throw new DomainError('FORBIDDEN', 'Your role does not allow this.');
  return user;
}

export { field, fields } from './fields.js';

/** Form bodies arrive as flat records (application/x-www-form-urlencoded); read them with field() and fields(). */
export function formBody(request: FastifyRequest): FormFields {
  const body = request.body;
  return body && typeof body === 'object' ? (body as FormFields) : {};
}

export function sendForbidden(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendAdminMessage(deps, request, reply, 403, (t) => [t.forbiddenTitle, t.forbiddenText]);
}

export function sendAdminNotFound(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendAdminMessage(deps, request, reply, 404, (t) => [t.notFoundTitle, t.notFoundText]);
}

/** A back-office page that only says what happened: a heading and a sentence. */
function sendAdminMessage(
  deps: AdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  text: (t: (typeof ADMIN_TEXT)['en']) => [title: string, sentence: string],
): FastifyReply {
  const ctx = adminContext(deps, request, reply);
  const [title, sentence] = text(ADMIN_TEXT[ctx.lang]);
  return sendAdmin(
    reply,
    <AdminLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{sentence}</p>
    </AdminLayout>,
    status,
  );
}
