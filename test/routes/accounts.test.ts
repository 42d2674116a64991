import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../helpers/db.js';
import { createNewsroom, type Newsroom } from '../helpers/newsroom.js';
import { postForm, staffSession } from '../helpers/admin.js';

forEachDialect('staff session basics', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
  });
  afterEach(() => n.close());

  it('sends an anonymous visitor of the back office to the sign-in page', async () => {
    const res = await n.app.inject('/admin/account/');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/sign-in?next=%2Fadmin%2Faccount%2F');
  });

  it('refuses a form without a valid CSRF token', async () => {
    const s = await staffSession(n, 'owner');
    const res = await postForm(n, { ...s, csrf: 'forged' }, '/admin/staff/invite', { name: 'X', email: 'x@example.com', role: 'author' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('shows a 403 page to a role that may not see a page', async () => {
    const s = await staffSession(n, 'author');
    const res = await n.app.inject({ url: '/admin/staff/', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Нет доступа');
  });
});
