/**
 * Sessions: the cookie carries a random token; the database keeps only its hash. Every request that
 * carries the cookie gets `request.user` (or null when the session is gone).
 */
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService, SessionUser } from './service.js';
import { SESSION_TTL_MS } from './rules.js';
import { SESSION_COOKIE } from '../../web/plugins/page-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

export function registerAuth(app: FastifyInstance, accounts: AccountService): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  // Callback style, so the common case (a reader without a session cookie) costs no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return done();
    accounts.userForSession(token).then((user) => {
      request.user = user;
      request.sessionToken = user ? token : null;
      done();
    }, done);
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
