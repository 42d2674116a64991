/**
 * The admin scope's promise, checked over every back-office route the app registers (read from its route table), so
 * a route added later is covered without being named here: no route lets an anonymous visitor through, no
 * state-changing route runs without the session's CSRF token, and with mandatory two-factor authentication no route
 * lets a member without it through, except the pages that sign in or set 2FA up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../plugins/route-table.js';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';
import { anonymousForm, BROWSER_UA, staffSession, type StaffSession } from '../../../test/helpers/admin.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A concrete address for a route: every parameter gets a value that parses (the guard runs before any lookup). */
const addressOf = (url: string) => url.replace(/:[A-Za-z_]\w*/g, (name) => (name === ':token' ? 'token' : '1'));

function adminRoutes(n: Newsroom): Array<RouteEntry & { method: string }> {
  return n.app.routeTable
    .filter((route) => route.url.startsWith('/admin/'))
    .flatMap((route) => route.methods.filter((m) => m !== 'HEAD').map((method) => ({ ...route, method })));
}

const wasLetThrough = (status: number) => status < 300;

describe('the admin scope guards every back-office route', () => {
  let n: Newsroom;
  let owner: StaffSession;
  beforeEach(async () => {
    n = await createNewsroom('sqlite');
    owner = await staffSession(n, 'owner');
  });
  afterEach(() => n.close());

  it('finds the back office in the route table', () => {
    const urls = adminRoutes(n).map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining(['/admin/', '/admin/taxonomy/', '/admin/articles/:id/autosave', '/admin/api/media', '/admin/settings/']));
  });

  it('sends an anonymous visitor to sign in, or answers 401 or 403, on every route that is not a sign-in page', async () => {
    const open = adminRoutes(n).filter((r) => r.config.access !== 'anyone');
    expect(open.length).toBeGreaterThan(25);
    // A visitor's form token from the sign-in page, so that the forms are refused for want of a session, not of a token.
    const visitor = await anonymousForm(n, '/admin/sign-in');
    for (const route of open) {
      const res = await n.app.inject({
        method: route.method,
        url: addressOf(route.url),
        headers: { 'user-agent': BROWSER_UA, 'sec-fetch-site': 'same-origin', cookie: visitor.cookie, 'x-csrf-token': visitor.csrf },
      });
      expect(wasLetThrough(res.statusCode), `${route.method} ${route.url} answered ${res.statusCode}`).toBe(false);
      if (route.config.api) continue;
      // A page comes back after signing in; a form's address has no page to come back to.
      if (SAFE.has(route.method)) expect(res.headers.location, `${route.method} ${route.url}`).toBe(`/admin/sign-in?next=${encodeURIComponent(addressOf(route.url))}`);
      else expect(res.headers.location, `${route.method} ${route.url}`).toBe('/admin/sign-in');
    }
  });

  it('refuses every state-changing request without the session’s CSRF token, before it changes anything', async () => {
    const changing = adminRoutes(n).filter((r) => !SAFE.has(r.method));
    expect(changing.length).toBeGreaterThan(20);
    // An upload's token travels inside its multipart body, which the route reads: it gets a body with a file and no token.
    const multipart = ['--b', 'Content-Disposition: form-data; name="file"; filename="x.png"', 'Content-Type: image/png', '', 'x', '--b--', ''].join('\r\n');
    for (const route of changing) {
      const res = await n.app.inject({
        method: route.method,
        url: addressOf(route.url),
        headers: { ...owner.headers, 'content-type': route.config.csrfInBody ? 'multipart/form-data; boundary=b' : 'application/x-www-form-urlencoded' },
        payload: route.config.csrfInBody ? multipart : 'name=x&email=a%40b.c&password=x',
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code, `${route.method} ${route.url}`).toBe('CSRF');
    }
  });

  it('with mandatory 2FA, lets a member without it reach only the pages that set it up', async () => {
    await n.services.settings.set('staffTotpRequired', true);
    const guarded = adminRoutes(n).filter((r) => r.config.access !== 'anyone' && !r.config.twoFactorSetup && r.url !== '/admin/sign-out');
    expect(guarded.map((r) => r.url)).toContain('/admin/articles/:id/autosave');
    for (const route of guarded) {
      const res = await n.app.inject({
        method: route.method,
        url: addressOf(route.url),
        headers: { ...owner.headers, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': owner.csrf },
        payload: '',
      });
      expect(wasLetThrough(res.statusCode), `${route.method} ${route.url} answered ${res.statusCode}`).toBe(false);
      if (route.config.api) expect(res.json().error.details, `${route.method} ${route.url}`).toEqual(['totp: required']);
      else if (SAFE.has(route.method)) expect(res.headers.location, `${route.method} ${route.url}`).toBe('/admin/account/?required=2fa');
    }
    const account = await n.app.inject({ url: '/admin/account/', headers: owner.headers });
    expect(account.statusCode).toBe(200);
  });
});
