/** Sign-in, second factor, sign-out, password reset, invitations, my account and the staff list. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type Child } from '../../lib/html.js';
import { DomainError } from '../../lib/errors.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { adminContext, field, formBody, requireStaff, safeNext, sendAdmin, type AdminDeps } from '../../web/admin/kit.js';
import { clearSessionCookie, setSessionCookie } from './session.js';
import { ACCOUNT_TEXT, accountErrorText, retryAfterSeconds } from './text.js';
import { STAFF_ROLES } from './policy.js';
import type { Role } from '../../storage/schema.js';

function Notice({ kind, children }: { kind: 'error' | 'ok'; children?: Child }) {
  return (
    <p class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

function Page({ ctx, title, error, ok, children }: { ctx: AdminContext; title: string; error?: string; ok?: string; children?: Child }) {
  return (
    <AdminLayout ctx={ctx} title={title}>
      <section class="narrow">
        <h1>{title}</h1>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {ok ? <Notice kind="ok">{ok}</Notice> : null}
        {children}
      </section>
    </AdminLayout>
  );
}

function statusOf(error: DomainError): number {
  return ERROR_CATALOGUE[error.code].status;
}

export function accountRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { accounts, csrf } = deps;
  const text = (ctx: AdminContext) => ACCOUNT_TEXT[ctx.lang];
  /** A domain error as the page shows it: in the site's language, not the service's English. */
  const errorText = (error: DomainError) => accountErrorText(deps.settings.get().locale, error);
  const signInLimit = { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } };

  function signInForm(request: FastifyRequest, reply: FastifyReply, status = 200, error?: string, ok?: string) {
    const ctx = adminContext(deps, request, reply);
    const t = text(ctx);
    const next = safeNext((request.query as { next?: string }).next);
    return sendAdmin(
      reply,
      <Page ctx={ctx} title={t.signInTitle} error={error} ok={ok}>
        <form method="post" action={`/admin/sign-in?next=${encodeURIComponent(next)}`} class="stack">
          <CsrfField ctx={ctx} />
          <label>
            {t.email}
            <input type="email" name="email" autocomplete="username" required />
          </label>
          <label>
            {t.password}
            <input type="password" name="password" autocomplete="current-password" required />
          </label>
          <button type="submit">{t.signIn}</button>
        </form>
        <p>
          <a href="/admin/forgot">{t.forgot}</a>
        </p>
      </Page>,
      status,
    );
  }

  app.get('/admin/sign-in', async (request, reply) => signInForm(request, reply));

  app.post('/admin/sign-in', signInLimit, async (request, reply) => {
    csrf.verify(request);
    const body = formBody(request);
    try {
      const { token, mfaRequired } = await accounts.signIn({
        email: field(body, 'email'),
        password: field(body, 'password'),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(request, reply, token);
      const next = safeNext((request.query as { next?: string }).next);
      return reply.redirect(mfaRequired ? `/admin/sign-in/code?next=${encodeURIComponent(next)}` : next, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const wait = error.code === 'ACCOUNT_LOCKED' ? retryAfterSeconds(error) : null;
      if (wait !== null) reply.header('retry-after', String(wait));
      return signInForm(request, reply, statusOf(error), errorText(error));
    }
  });

  function codeForm(request: FastifyRequest, reply: FastifyReply, status = 200, error?: string) {
    const ctx = adminContext(deps, request, reply);
    const t = text(ctx);
    const next = safeNext((request.query as { next?: string }).next);
    return sendAdmin(
      reply,
      <Page ctx={ctx} title={t.codeTitle} error={error}>
        <form method="post" action={`/admin/sign-in/code?next=${encodeURIComponent(next)}`} class="stack">
          <CsrfField ctx={ctx} />
          <label>
            {t.codeHelp}
            <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required />
          </label>
          <button type="submit">{t.confirm}</button>
        </form>
      </Page>,
      status,
    );
  }

  app.get('/admin/sign-in/code', async (request, reply) => {
    if (!request.user) return reply.redirect('/admin/sign-in', 303);
    if (!request.user.mfaPending) return reply.redirect('/admin/', 303);
    return codeForm(request, reply);
  });

  app.post('/admin/sign-in/code', signInLimit, async (request, reply) => {
    csrf.verify(request);
    if (!request.user) return reply.redirect('/admin/sign-in', 303);
    try {
      await accounts.completeMfa(request.user, field(formBody(request), 'code'));
      return reply.redirect(safeNext((request.query as { next?: string }).next), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const wait = error.code === 'ACCOUNT_LOCKED' ? retryAfterSeconds(error) : null;
      if (wait !== null) reply.header('retry-after', String(wait));
      return codeForm(request, reply, statusOf(error), errorText(error));
    }
  });

  app.post('/admin/sign-out', async (request, reply) => {
    csrf.verify(request);
    if (request.sessionToken) await accounts.signOut(request.sessionToken);
    clearSessionCookie(reply);
    return reply.redirect('/admin/sign-in', 303);
  });

  app.post('/admin/sign-out-everywhere', async (request, reply) => {
    csrf.verify(request);
    const user = request.user;
    // Until the second factor is passed, a session may only enter its code or sign itself out: the password alone must not end the owner's sessions.
    if (!user || user.mfaPending) return reply.redirect(user ? '/admin/sign-in/code' : '/admin/sign-in', 303);
    await accounts.signOutEverywhere(user.id);
    clearSessionCookie(reply);
    return reply.redirect('/admin/sign-in', 303);
  });

  function forgotForm(request: FastifyRequest, reply: FastifyReply, ok?: string) {
    const ctx = adminContext(deps, request, reply);
    const t = text(ctx);
    return sendAdmin(
      reply,
      <Page ctx={ctx} title={t.forgotTitle} ok={ok}>
        <form method="post" action="/admin/forgot" class="stack">
          <CsrfField ctx={ctx} />
          <label>
            {t.email}
            <input type="email" name="email" autocomplete="username" required />
          </label>
          <p class="help">{t.forgotHelp}</p>
          <button type="submit">{t.sendLink}</button>
        </form>
      </Page>,
    );
  }

  app.get('/admin/forgot', async (request, reply) => forgotForm(request, reply));

  app.post('/admin/forgot', { config: { rateLimit: { max: 5, timeWindow: '15 minutes' } } }, async (request, reply) => {
    csrf.verify(request);
    await accounts.requestPasswordReset(field(formBody(request), 'email'));
    return forgotForm(request, reply, text(adminContext(deps, request, reply)).linkSent);
  });

  for (const kind of ['reset', 'invite'] as const) {
    const path = `/admin/${kind}/:token`;
    const passwordForm = async (request: FastifyRequest, reply: FastifyReply, status = 200, error?: string) => {
      const ctx = adminContext(deps, request, reply);
      const t = text(ctx);
      const { token } = request.params as { token: string };
      const who = await accounts.checkLink(kind, token);
      const title = kind === 'reset' ? t.resetTitle : t.inviteTitle;
      if (!who) return sendAdmin(reply, <Page ctx={ctx} title={title} error={t.linkInvalid} />, 410);
      return sendAdmin(
        reply,
        <Page ctx={ctx} title={title} error={error}>
          <form method="post" action={`/admin/${kind}/${token}`} class="stack">
            <CsrfField ctx={ctx} />
            <p>
              {who.name} · {who.email}
            </p>
            <input type="hidden" name="username" value={who.email} autocomplete="username" />
            <label>
              {kind === 'invite' ? t.inviteHelp : t.newPassword}
              <input type="password" name="password" autocomplete="new-password" minlength="10" required />
            </label>
            <button type="submit">{t.savePassword}</button>
          </form>
        </Page>,
        status,
      );
    };
    app.get(path, async (request, reply) => passwordForm(request, reply));
    app.post(path, signInLimit, async (request, reply) => {
      csrf.verify(request);
      const { token } = request.params as { token: string };
      try {
        await accounts.redeemLink(kind, token, field(formBody(request), 'password'));
        clearSessionCookie(reply);
        return signInForm(request, reply, 200, undefined, text(adminContext(deps, request, reply)).passwordChanged);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return passwordForm(request, reply, statusOf(error), errorText(error));
      }
    });
  }

  async function accountPage(request: FastifyRequest, reply: FastifyReply, status = 200, error?: string) {
    const ctx = adminContext(deps, request, reply);
    const t = text(ctx);
    const user = request.user!;
    const required = deps.settings.get().staffTotpRequired && !user.totpEnabled;
    const setup = user.totpEnabled ? null : accounts.newTotpSecret(user);
    return sendAdmin(
      reply,
      <Page ctx={ctx} title={t.accountTitle} error={error}>
        <p>
          {user.name} · {user.email} · {t.roles[user.role]}
        </p>
        <h2>{t.twoFactor}</h2>
        {required ? <Notice kind="error">{t.twoFactorRequired}</Notice> : null}
        {setup ? (
          <form method="post" action="/admin/account/2fa" class="stack">
            <CsrfField ctx={ctx} />
            <p class="help">{t.twoFactorSetup}</p>
            <p>
              {t.secret}: <code class="totp-secret">{setup.secret}</code>
            </p>
            <p>
              <a href={setup.uri} class="totp-uri">
                {setup.uri}
              </a>
            </p>
            <input type="hidden" name="secret" value={setup.secret} />
            <label>
              {t.code}
              <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" required />
            </label>
            <button type="submit">{t.enable}</button>
          </form>
        ) : (
          <p>{t.twoFactorOn}</p>
        )}
        <h2>{t.sessions}</h2>
        <form method="post" action="/admin/sign-out-everywhere" class="stack">
          <CsrfField ctx={ctx} />
          <p class="help">{t.signOutEverywhereHelp}</p>
          <button type="submit">{t.signOutEverywhere}</button>
        </form>
      </Page>,
      status,
    );
  }

  app.get('/admin/account/', async (request, reply) => {
    if (!requireStaff(deps, request, reply)) return reply;
    return accountPage(request, reply);
  });

  app.post('/admin/account/2fa', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply);
    if (!user) return reply;
    const body = formBody(request);
    try {
      await accounts.enableTotp(user, field(body, 'secret'), field(body, 'code'));
      return reply.redirect('/admin/account/', 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return accountPage(request, reply, statusOf(error), errorText(error));
    }
  });

  async function staffPage(request: FastifyRequest, reply: FastifyReply, status = 200, error?: string, ok?: string) {
    const ctx = adminContext(deps, request, reply);
    const t = text(ctx);
    const staff = await accounts.listStaff(request.user!);
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.staffTitle}>
        <h1>{t.staffTitle}</h1>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {ok ? <Notice kind="ok">{ok}</Notice> : null}
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">2FA</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr>
                <td>
                  {s.name}
                  {s.invited ? <span class="muted"> ({t.invited})</span> : null}
                </td>
                <td>{s.email}</td>
                <td>{t.roles[s.role]}</td>
                <td>{s.totpEnabled ? '✓' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t.invite}</h2>
        <form method="post" action="/admin/staff/invite" class="stack">
          <CsrfField ctx={ctx} />
          <label>
            {t.name}
            <input type="text" name="name" required maxlength="120" />
          </label>
          <label>
            {t.email}
            <input type="email" name="email" required />
          </label>
          <label>
            {t.role}
            <select name="role">
              {STAFF_ROLES.map((r) => (
                <option value={r} selected={r === 'author'}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t.invite}</button>
        </form>
      </AdminLayout>,
      status,
    );
  }

  app.get('/admin/staff/', async (request, reply) => {
    if (!requireStaff(deps, request, reply, 'staff.manage')) return reply;
    return staffPage(request, reply);
  });

  app.post('/admin/staff/invite', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply, 'staff.manage');
    if (!user) return reply;
    const body = formBody(request);
    try {
      await accounts.invite(user, { email: field(body, 'email'), name: field(body, 'name'), role: field(body, 'role') as Role });
      return staffPage(request, reply, 200, undefined, text(adminContext(deps, request, reply)).inviteSent);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return staffPage(request, reply, statusOf(error), errorText(error));
    }
  });
}
