/**
 * Sending back-office pages: the chrome's context for a request, a rendered page, and the pages that only say what
 * happened (not allowed, not found, refused). The admin scope's hooks and error handler use it, and so do the slices.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, renderDocument, type Html } from '../../lib/html.js';
import type { DomainError } from '../../lib/errors.js';
import type { Csrf } from '../plugins/csrf.js';
import { SECURITY_HEADERS } from '../plugins/security.js';
import { AdminLayout, type AdminContext, type AdminMenuItem } from './AdminLayout.js';
import { errorText, GENERAL_ONLY } from './error-text.js';
import { Notice } from './Notice.js';
import { ADMIN_TEXT, type AdminText } from './text.js';

export interface AdminPagesOptions {
  csrf: Csrf;
  /** Who is signed in (shown in the header) and the sections they may open: the accounts slice provides it. */
  member: (request: FastifyRequest) => { user: { name: string } | null; menu: AdminMenuItem[] };
}

export class AdminPages {
  constructor(private readonly options: AdminPagesOptions) {}

  context(request: FastifyRequest, reply: FastifyReply): AdminContext {
    const { name, locale } = request.settings;
    return {
      lang: locale,
      siteName: name,
      ...this.options.member(request),
      csrf: this.options.csrf.token(request, reply),
      path: request.url.split('?')[0]!,
    };
  }

  /** Throws unless a state-changing request comes from our own page with its session's token (`token` from a multipart body). */
  verifyCsrf(request: FastifyRequest, token?: string): void {
    this.options.csrf.verify(request, token);
  }

  send(reply: FastifyReply, page: Html, status = 200): FastifyReply {
    return reply.code(status).headers(SECURITY_HEADERS).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(page));
  }

  forbidden(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    return this.message(request, reply, 403, (t) => [t.forbiddenTitle, t.forbiddenText]);
  }

  notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    return this.message(request, reply, 404, (t) => [t.notFoundTitle, t.notFoundText]);
  }

  /** A command refused for a reason the route has no page of its own for: the reason, in the back office's language. */
  refused(request: FastifyRequest, reply: FastifyReply, error: DomainError, status: number): FastifyReply {
    const texts = request.routeOptions.config.errorTexts ?? GENERAL_ONLY;
    return this.message(request, reply, status, (t) => [t.refusedTitle, errorText(request.settings.locale, texts, error)], 'error');
  }

  /** A back-office page that only says what happened: a heading and a sentence. */
  private message(request: FastifyRequest, reply: FastifyReply, status: number, text: (t: AdminText) => [title: string, sentence: string], kind?: 'error'): FastifyReply {
    const ctx = this.context(request, reply);
    const [title, sentence] = text(ADMIN_TEXT[ctx.lang]);
    return this.send(
      reply,
      <AdminLayout ctx={ctx} title={title}>
        <h1>{title}</h1>
        {kind ? <Notice kind={kind}>{sentence}</Notice> : <p>{sentence}</p>}
      </AdminLayout>,
      status,
    );
  }
}
