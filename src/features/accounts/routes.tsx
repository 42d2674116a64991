/**
 * Sign-in, second factor, sign-out, password reset, invitations, my account and the staff list. Registered in the
 * admin scope, which checks the CSRF token of every form and, unless a route is open to `anyone`, the member's right
 * to it. The sign-in pages are open to anyone and look at the session themselves: the code form needs a session
 * that waits for its second factor.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from '../../lib/html.js';
import type { DomainError } from '../../lib/errors.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import type { AdminPages } from '../../web/admin/pages.js';
import { formSchema, formText } from '../../web/admin/fields.js';
import { staffMember } from './access.js';
import { STAFF_ROLES } from './policy.js';
import { safeNext } from './rules.js';
import type { AccountService } from './service.js';
import { clearSessionCookie, setSessionCookie } from './session.js';
import { ACCOUNT_TEXT, accountErrorText, retryAfterSeconds } from './text.js';
import { AccountPage, CodePage, ForgotPage, PasswordPage, SignInPage, StaffPage, type Outcome } from './views.js';

export interface AccountRoutesDeps {
  pages: AdminPages;
  accounts: AccountService;
}

const nextQuery = z.object({ next: z.string().optional().catch(undefined) });
const tokenParams = z.object({ token: z.string() });
const signInForm = formSchema({ email: formText, password: formText });
const codeForm = formSchema({ code: formText });
const emailForm = formSchema({ email: formText });
const passwordForm = formSchema({ password: formText });
const totpForm = formSchema({ secret: formText, code: formText });
const inviteForm = formSchema({ name: formText, email: formText, role: formText.pipe(z.enum(STAFF_ROLES)) });

/** Password and code guesses from one address; each account also counts its own failures. */
const SIGN_IN_LIMIT = { max: 20, timeWindow: '1 minute' };
const RESET_LIMIT = { max: 5, timeWindow: '15 minutes' };

/** Where to go after signing in: the `next` the page was opened with, if it is a back-office address. */
const nextOf = (request: FastifyRequest) => safeNext(nextQuery.parse(request.query ?? {}).next);

/** A page of this slice, sent with a status and what to say above its form. */
type Show = (request: FastifyRequest, reply: FastifyReply, status: number, outcome: Outcome) => Promise<FastifyReply>;

export const accountRoutes: FastifyPluginAsync<AccountRoutesDeps> = async (scope, { pages, accounts }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const text = (request: FastifyRequest) => ACCOUNT_TEXT[request.settings.locale];

  /** A refused form: the same page again, with the reason in the site's language (and, for a locked account, when to try again). */
  const refused =
    (show: Show) =>
    async (error: DomainError, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const wait = error.code === 'ACCOUNT_LOCKED' ? retryAfterSeconds(error) : null;
      if (wait !== null) void reply.header('retry-after', String(wait));
      return show(request, reply, ERROR_CATALOGUE[error.code].status, { error: accountErrorText(request.settings.locale, error) });
    };

  async function signInPage(request: FastifyRequest, reply: FastifyReply, status = 200, { error, ok }: Outcome = {}) {
    return pages.send(reply, <SignInPage ctx={pages.context(request, reply)} next={nextOf(request)} error={error} ok={ok} />, status);
  }

  async function codePage(request: FastifyRequest, reply: FastifyReply, status = 200, { error }: Outcome = {}) {
    return pages.send(reply, <CodePage ctx={pages.context(request, reply)} next={nextOf(request)} error={error} />, status);
  }

  async function forgotPage(request: FastifyRequest, reply: FastifyReply, { ok }: Outcome = {}) {
    return pages.send(reply, <ForgotPage ctx={pages.context(request, reply)} ok={ok} />);
  }

  async function accountPage(request: FastifyRequest, reply: FastifyReply, status = 200, { error }: Outcome = {}) {
    const member = staffMember(request);
    const required = request.settings.staffTotpRequired && !member.totpEnabled;
    const setup = member.totpEnabled ? null : accounts.newTotpSecret(member);
    return pages.send(reply, <AccountPage ctx={pages.context(request, reply)} member={member} required={required} setup={setup} error={error} />, status);
  }

  async function staffPage(request: FastifyRequest, reply: FastifyReply, status = 200, { error, ok }: Outcome = {}) {
    const staff = await accounts.listStaff(staffMember(request));
    return pages.send(reply, <StaffPage ctx={pages.context(request, reply)} staff={staff} error={error} ok={ok} />, status);
  }

  app.get('/admin/sign-in', { schema: { querystring: nextQuery }, config: { access: 'anyone' } }, (request, reply) => signInPage(request, reply));

  app.post(
    '/admin/sign-in',
    { schema: { querystring: nextQuery, body: signInForm }, config: { access: 'anyone', rateLimit: SIGN_IN_LIMIT, onRefused: refused(signInPage) } },
    async (request, reply) => {
      const { email, password } = request.body;
      const { token, mfaRequired } = await accounts.signIn({ email, password, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
      setSessionCookie(request, reply, token);
      const next = safeNext(request.query.next);
      return reply.redirect(mfaRequired ? `/admin/sign-in/code?next=${encodeURIComponent(next)}` : next, 303);
    },
  );

  app.get('/admin/sign-in/code', { schema: { querystring: nextQuery }, config: { access: 'anyone' } }, async (request, reply) => {
    if (!request.user) return reply.redirect('/admin/sign-in', 303);
    if (!request.user.mfaPending) return reply.redirect('/admin/', 303);
    return codePage(request, reply);
  });

  app.post(
    '/admin/sign-in/code',
    { schema: { querystring: nextQuery, body: codeForm }, config: { access: 'anyone', rateLimit: SIGN_IN_LIMIT, onRefused: refused(codePage) } },
    async (request, reply) => {
      if (!request.user) return reply.redirect('/admin/sign-in', 303);
      await accounts.completeMfa(request.user, request.body.code);
      return reply.redirect(safeNext(request.query.next), 303);
    },
  );

  // Open to anyone: without a session only the cookie goes, and a session that waits for its code may end itself.
  app.post('/admin/sign-out', { config: { access: 'anyone' } }, async (request, reply) => {
    if (request.sessionToken) await accounts.signOut(request.sessionToken);
    clearSessionCookie(reply);
    return reply.redirect('/admin/sign-in', 303);
  });

  // Guarded: a session that waits for its code is sent back to the code form, as the password alone must not end the
  // owner's other sessions. It takes access away only, so it stays open while mandatory 2FA is not set up yet.
  app.post('/admin/sign-out-everywhere', { config: { twoFactorSetup: true } }, async (request, reply) => {
    await accounts.signOutEverywhere(staffMember(request).id);
    clearSessionCookie(reply);
    return reply.redirect('/admin/sign-in', 303);
  });

  app.get('/admin/forgot', { config: { access: 'anyone' } }, (request, reply) => forgotPage(request, reply));

  app.post('/admin/forgot', { schema: { body: emailForm }, config: { access: 'anyone', rateLimit: RESET_LIMIT } }, async (request, reply) => {
    await accounts.requestPasswordReset(request.body.email);
    return forgotPage(request, reply, { ok: text(request).linkSent });
  });

  for (const kind of ['reset', 'invite'] as const) {
    /** The link's password form, or 410 when the link no longer works. */
    const passwordPage = async (request: FastifyRequest, reply: FastifyReply, status = 200, { error }: Outcome = {}) => {
      const { token } = tokenParams.parse(request.params);
      const who = await accounts.checkLink(kind, token);
      return pages.send(reply, <PasswordPage ctx={pages.context(request, reply)} kind={kind} token={token} who={who} error={error} />, who ? status : 410);
    };

    app.get(`/admin/${kind}/:token`, { schema: { params: tokenParams }, config: { access: 'anyone' } }, (request, reply) => passwordPage(request, reply));

    app.post(
      `/admin/${kind}/:token`,
      { schema: { params: tokenParams, body: passwordForm }, config: { access: 'anyone', rateLimit: SIGN_IN_LIMIT, onRefused: refused(passwordPage) } },
      async (request, reply) => {
        await accounts.redeemLink(kind, request.params.token, request.body.password);
        clearSessionCookie(reply);
        return signInPage(request, reply, 200, { ok: text(request).passwordChanged });
      },
    );
  }

  app.get('/admin/account/', { config: { twoFactorSetup: true } }, (request, reply) => accountPage(request, reply));

  app.post('/admin/account/2fa', { schema: { body: totpForm }, config: { twoFactorSetup: true, onRefused: refused(accountPage) } }, async (request, reply) => {
    await accounts.enableTotp(staffMember(request), request.body.secret, request.body.code);
    return reply.redirect('/admin/account/', 303);
  });

  app.get('/admin/staff/', { config: { access: 'staff.manage' } }, (request, reply) => staffPage(request, reply));

  app.post('/admin/staff/invite', { schema: { body: inviteForm }, config: { access: 'staff.manage', onRefused: refused(staffPage) } }, async (request, reply) => {
    const { name, email, role } = request.body;
    await accounts.invite(staffMember(request), { name, email, role });
    return staffPage(request, reply, 200, { ok: text(request).inviteSent });
  });
};
