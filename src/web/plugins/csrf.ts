/**
 * CSRF tokens for every form: an HMAC of the session (or, before sign-in, of a random cookie) under a
 * server secret that is generated on first start and kept in the database (`SettingsService.serverSecret`), never in
 * the repository.
 */
import '@fastify/cookie';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../lib/errors.js';
import { isSameOrigin } from './security.js';

const ANON_COOKIE = 'dl_csrf';

export class Csrf {
  constructor(private readonly secret: string) {}

  private sign(seed: string): string {
    return createHmac('sha256', this.secret).update(seed).digest('base64url');
  }

  private seed(request: FastifyRequest): string | undefined {
    return request.user ? `s:${request.user.sessionId}` : request.cookies[ANON_COOKIE] ? `a:${request.cookies[ANON_COOKIE]}` : undefined;
  }

  /** The token to put in a form; before sign-in it also sets the anonymous cookie it is bound to. */
  token(request: FastifyRequest, reply: FastifyReply): string {
    let seed = this.seed(request);
    if (!seed) {
      const value = randomBytes(18).toString('base64url');
      reply.setCookie(ANON_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
      request.cookies[ANON_COOKIE] = value;
      seed = `a:${value}`;
    }
    return this.sign(seed);
  }

  /**
   * Throws unless the request came from our own page and carries the token of its session: `token` when the caller
   * read it itself (a multipart body), else the form's `_csrf` field or the x-csrf-token header.
   */
  verify(request: FastifyRequest, token?: string): void {
    if (!isSameOrigin(request.headers, request.host)) throw new DomainError('BAD_ORIGIN', 'This request must come from a page of this site.');
    const body = request.body as Record<string, unknown> | undefined;
    const sent = token ?? (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? (request.headers['x-csrf-token'] as string | undefined);
    const seed = this.seed(request);
    if (!sent || !seed) throw new DomainError('CSRF', 'The form has expired. Reload the page and try again.');
    const expected = Buffer.from(this.sign(seed));
    const given = Buffer.from(sent);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new DomainError('CSRF', 'The form has expired. Reload the page and try again.');
    }
  }
}
