/** The account pages of the back office: sign-in, the second factor, password forms, my account and the staff list. */
import { h, type Child } from '../../lib/html.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import type { Role } from '../../storage/schema.js';
import { STAFF_ROLES } from './policy.js';
import { ACCOUNT_TEXT } from './text.js';

/** What a page says above its form: why the last attempt was refused (already in the page's language), or what went well. */
export interface Outcome {
  error?: string;
  ok?: string;
}

function Page({ ctx, title, error, ok, children }: Outcome & { ctx: AdminContext; title: string; children?: Child }) {
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

/** The sign-in form; `next` is where to go afterwards (a back-office address). */
export function SignInPage({ ctx, next, error, ok }: Outcome & { ctx: AdminContext; next: string }) {
  const t = ACCOUNT_TEXT[ctx.lang];
  return (
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
    </Page>
  );
}

/** The second step of signing in: the code from the authenticator app. */
export function CodePage({ ctx, next, error }: Outcome & { ctx: AdminContext; next: string }) {
  const t = ACCOUNT_TEXT[ctx.lang];
  return (
    <Page ctx={ctx} title={t.codeTitle} error={error}>
      <form method="post" action={`/admin/sign-in/code?next=${encodeURIComponent(next)}`} class="stack">
        <CsrfField ctx={ctx} />
        <label>
          {t.codeHelp}
          <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required />
        </label>
        <button type="submit">{t.confirm}</button>
      </form>
    </Page>
  );
}

export function ForgotPage({ ctx, ok }: Outcome & { ctx: AdminContext }) {
  const t = ACCOUNT_TEXT[ctx.lang];
  return (
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
    </Page>
  );
}

/** The page an e-mailed link opens: a new password (reset) or the first one (invitation); `who` is null when the link no longer works. */
export function PasswordPage(props: Outcome & { ctx: AdminContext; kind: 'reset' | 'invite'; token: string; who: { name: string; email: string } | null }) {
  const { ctx, kind, token, who, error } = props;
  const t = ACCOUNT_TEXT[ctx.lang];
  const title = kind === 'reset' ? t.resetTitle : t.inviteTitle;
  if (!who) return <Page ctx={ctx} title={title} error={t.linkInvalid} />;
  return (
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
    </Page>
  );
}

export interface AccountPageProps extends Outcome {
  ctx: AdminContext;
  member: { name: string; email: string; role: Role };
  /** The site requires 2FA and the member has not set it up yet. */
  required: boolean;
  /** A new key to set 2FA up with, or null when it is on. */
  setup: { secret: string; uri: string } | null;
}

export function AccountPage({ ctx, member, required, setup, error }: AccountPageProps) {
  const t = ACCOUNT_TEXT[ctx.lang];
  return (
    <Page ctx={ctx} title={t.accountTitle} error={error}>
      <p>
        {member.name} · {member.email} · {t.roles[member.role]}
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
    </Page>
  );
}

export interface StaffMember {
  name: string;
  email: string;
  role: Role;
  totpEnabled: boolean;
  invited: boolean;
}

export function StaffPage({ ctx, staff, error, ok }: Outcome & { ctx: AdminContext; staff: StaffMember[] }) {
  const t = ACCOUNT_TEXT[ctx.lang];
  return (
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
    </AdminLayout>
  );
}
