/**
 * Who may use a back-office route, decided once for the admin scope's hook: each route declares its `access` (the
 * action its role must allow; a signed-in staff member by default), and the rules of sign-in, the second factor and
 * mandatory two-factor authentication apply to all of them alike.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../lib/errors.js';
import type { AccessRefusal } from '../../web/admin/scope.js';
import { can, type Action } from './policy.js';
import type { SessionUser } from './service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action the member's role must allow (default `dashboard.view`: any staff member), or `anyone` for the sign-in pages. */
    access?: Action | 'anyone';
    /**
     * The route stays open while mandatory 2FA is not set up yet: the pages that set it up, and signing out everywhere
     * (which only takes access away).
     */
    twoFactorSetup?: boolean;
  }
}

export function staffAccess(request: FastifyRequest): AccessRefusal {
  const { access = 'dashboard.view', twoFactorSetup } = request.routeOptions.config;
  if (access === 'anyone') return null;
  const user = request.user;
  if (!user || user.role === 'reader') {
    // Back to the page after signing in; a form's address has no page to come back to.
    const next = request.method === 'GET' || request.method === 'HEAD' ? `?next=${encodeURIComponent(request.url)}` : '';
    return { error: new DomainError('UNAUTHENTICATED', 'Please sign in first.'), redirect: `/admin/sign-in${next}` };
  }
  if (user.mfaPending) return { error: new DomainError('UNAUTHENTICATED', 'Please enter your sign-in code first.'), redirect: '/admin/sign-in/code' };
  if (request.settings.staffTotpRequired && !user.totpEnabled && !twoFactorSetup) {
    return { error: new DomainError('FORBIDDEN', 'Set up two-factor authentication first.', ['totp: required']), redirect: '/admin/account/?required=2fa' };
  }
  if (!can(user, access)) return { error: new DomainError('FORBIDDEN', 'Your role does not allow this.') };
  return null;
}

/** The signed-in member that the scope's guard let through to a route. */
export function staffMember(request: FastifyRequest): SessionUser {
  if (!request.user) throw new DomainError('UNAUTHENTICATED', 'Please sign in first.');
  return request.user;
}
