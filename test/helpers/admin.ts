/** Signed-in staff for back-office route tests: a session cookie and the CSRF token of that session. */
import type { Role } from '../../src/storage/schema.js';
import type { Newsroom } from './newsroom.js';

export const STAFF_PASSWORD = 'caspian-ferry-2024';
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export interface StaffSession {
  userId: number;
  cookie: string;
  csrf: string;
  /** Headers for a same-origin form POST with this session. */
  headers: Record<string, string>;
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

export async function staffSession(n: Newsroom, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`): Promise<StaffSession> {
  const userId = await n.services.accounts.createUser({ email, name: `Test ${role}`, role, password: STAFF_PASSWORD, authorId: role === 'author' ? n.ids.author : null });
  const { token } = await n.services.accounts.signIn({ email, password: STAFF_PASSWORD, ip: '127.0.0.1', userAgent: BROWSER_UA });
  const cookie = `dl_session=${token}`;
  const page = await n.app.inject({ url: '/admin/account/', headers: { cookie } });
  const csrf = csrfFrom(page.body);
  return { userId, cookie, csrf, headers: { cookie, 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER_UA } };
}

/** A form POST as x-www-form-urlencoded, with the session's CSRF token added. */
export function postForm(n: Newsroom, s: StaffSession, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  body.append('_csrf', s.csrf);
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return n.app.inject({ method: 'POST', url, headers: { ...s.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}

/** An anonymous visitor's form: the CSRF cookie a page sets and the token in its form. */
export interface AnonymousForm {
  cookie: string;
  csrf: string;
}

/** Opens a page as an anonymous visitor (sign-in, forgot, reset and invitation pages) to post its form. */
export async function anonymousForm(n: Newsroom, url: string, headers: Record<string, string> = {}): Promise<AnonymousForm> {
  const page = await n.app.inject({ url, headers });
  const set = page.cookies.find((c) => c.name === 'dl_csrf');
  if (!set) throw new Error(`${url} set no CSRF cookie (status ${page.statusCode})`);
  return { cookie: `dl_csrf=${set.value}`, csrf: csrfFrom(page.body) };
}

/** Posts an anonymous form with the visitor's CSRF cookie and token. */
export function postAnonymous(n: Newsroom, form: AnonymousForm, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams({ _csrf: form.csrf, ...fields });
  return n.app.inject({
    method: 'POST',
    url,
    headers: { cookie: form.cookie, 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER_UA, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: body.toString(),
  });
}

/** Signs in through the sign-in form, as a browser would. */
export async function signInThroughForm(n: Newsroom, email: string, password: string, headers: Record<string, string> = {}) {
  const form = await anonymousForm(n, '/admin/sign-in', headers);
  return postAnonymous(n, form, '/admin/sign-in', { email, password }, headers);
}

/** The `dl_session=…` cookie header a response set, if any. */
export function sessionCookieOf(res: { cookies: Array<{ name: string; value: string }> }): string | null {
  const c = res.cookies.find((x) => x.name === 'dl_session' && x.value !== '');
  return c ? `dl_session=${c.value}` : null;
}
