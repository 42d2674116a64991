/** Failures on our side and an unavailable database, as a reader's browser, a sent form and the API see them. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../test/helpers/db.js';
import { htmlProblems } from '../../test/helpers/html.js';
import { createNewsroom, type Newsroom } from '../../test/helpers/newsroom.js';

const withCode = (code: string, message: string) => Object.assign(new Error(message), { code });

forEachDialect('failure pages', (dialect) => {
  let n: Newsroom;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    // Stand-ins for a bug and for a database that is locked past its busy timeout, on a page and in the API.
    n.app.get('/en/broken-page', async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'slug')");
    });
    n.app.get('/locked-page', async () => {
      throw withCode('SQLITE_BUSY', 'database is locked');
    });
    n.app.post('/locked-page', async () => {
      throw withCode('57P03', 'the database system is starting up');
    });
    n.app.get('/api/locked', async () => {
      throw withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
    });
  });
  afterEach(() => n.close());

  const html = { accept: 'text/html,application/xhtml+xml' };

  it('shows a person a page for a fault on our side, in the language of the address, without details', async () => {
    const res = await n.app.inject({ url: '/en/broken-page', headers: html });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBeTruthy();
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<h1>Something went wrong</h1>');
    expect(res.body).toContain('<a href="/en/">Go to the home page</a>');
    expect(res.body).not.toContain('slug');
    expect(await htmlProblems(res.body)).toEqual([]);
  });

  it('answers an unavailable database with 503 and Retry-After, as a page or as JSON', async () => {
    const page = await n.app.inject({ url: '/locked-page', headers: html });
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe('30');
    expect(page.body).toContain('<h1>Сайт ненадолго недоступен</h1>');
    expect(page.body).toContain('Попробуйте через минуту.');
    expect(await htmlProblems(page.body)).toEqual([]);

    const form = await n.app.inject({ method: 'POST', url: '/locked-page', headers: html });
    expect(form.statusCode).toBe(503);
    expect(form.body).toContain('Изменения не сохранены');

    const api = await n.app.inject({ url: '/api/locked', headers: html });
    expect(api.statusCode).toBe(503);
    expect(api.json()).toEqual({ error: { code: 'UNAVAILABLE', message: 'The site cannot reach its database just now. Please try again in a minute.' } });

    const script = await n.app.inject({ url: '/locked-page', headers: { accept: 'application/json' } });
    expect(script.statusCode).toBe(503);
    expect(script.json().error.code).toBe('UNAVAILABLE');
  });
});
