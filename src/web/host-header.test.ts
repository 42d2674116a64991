/**
 * The site's address is its own: a forged Host or X-Forwarded-Host is refused before routing and the page cache,
 * and never reaches a page, a cached copy or a mail.
 */
import http from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { forEachDialect } from '../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../test/helpers/newsroom.js';
import { anonymousForm, postAnonymous, staffSession } from '../../test/helpers/admin.js';

/** A raw request, so the Host header is exactly what an attacker sends (fetch will not forge it). */
function request(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const FORGED = ['evil.example', 'evil.example:3103', 'localhost.evil.example', 'EVIL.example.', '127.0.0.1.nip.io', 'localhost:80@evil.example'];

forEachDialect('the Host header', (dialect) => {
  let n: Newsroom;
  afterEach(() => n.close());

  async function listening(env: Record<string, string> = {}): Promise<number> {
    n = await createNewsroom(dialect, { env });
    await n.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (n.app.server.address() as { port: number }).port;
    n.services.address.listening(port);
    return port;
  }

  for (const cache of ['on', 'off']) {
    it(`a forged Host or X-Forwarded-Host is answered 400 and changes no byte of any page served afterwards (page cache ${cache})`, async () => {
      const port = await listening({ TRUST_PROXY: 'on', PAGE_CACHE: cache });
      await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
      const pages = ['/news/paromy', '/', '/2024/04/', '/no-such-page'];
      const before = await Promise.all(pages.map((p) => request(port, p)));
      expect(before[0]!.body).toContain(`<link rel="canonical" href="http://localhost:${port}/news/paromy">`);

      for (const host of FORGED) {
        for (const path of pages) {
          const byHost = await request(port, path, { host });
          expect(byHost.status, `${host} ${path}`).toBe(400);
          expect(byHost.body).toContain('does not answer for that host name');
          expect(byHost.headers['x-page-cache']).toBeUndefined();
          const byForward = await request(port, path, { 'x-forwarded-host': host });
          expect(byForward.status, `forwarded ${host} ${path}`).toBe(400);
        }
      }
      const signIn = await request(port, '/admin/sign-in', { host: 'evil.example' }, 'POST');
      expect(signIn.status).toBe(400);

      const after = await Promise.all(pages.map((p) => request(port, p)));
      after.forEach((page, i) => {
        expect(page.status).toBe(before[i]!.status);
        expect(page.body).toBe(before[i]!.body);
        expect(page.body).not.toContain('evil');
      });
    });
  }

  it('serves localhost, 127.0.0.1 and the ALLOWED_HOSTS names, with links from the listening address', async () => {
    const port = await listening({ ALLOWED_HOSTS: 'news.example, .mirror.example' });
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'LOCALHOST', 'news.example', 'mirror.example', 'www.mirror.example']) {
      const page = await request(port, '/news/paromy', { host });
      expect(page.status, host).toBe(200);
      expect(page.body).toContain(`href="http://localhost:${port}/news/paromy"`);
      if (!host.toLowerCase().startsWith('localhost')) expect(page.body).not.toContain(`//${host}/`);
    }
    expect((await request(port, '/news/paromy', { host: 'evilmirror.example' })).status).toBe(400);
  });

  it('with PUBLIC_URL set, serves only its host and ALLOWED_HOSTS, and builds every URL from it', async () => {
    const port = await listening({ PUBLIC_URL: 'https://news.example.org/', ALLOWED_HOSTS: 'www.news.example.org' });
    await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
    expect((await request(port, '/news/paromy')).status).toBe(400);
    const page = await request(port, '/news/paromy', { host: 'www.news.example.org' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<link rel="canonical" href="https://news.example.org/news/paromy">');
    expect(page.body).toContain('<meta property="og:url" content="https://news.example.org/news/paromy">');
    expect(page.body).not.toContain('www.news.example.org');
  });

  it('a reset link in a mail never follows the Host or X-Forwarded-Host of the request that asked for it', async () => {
    n = await createNewsroom(dialect, { env: { TRUST_PROXY: 'on' } });
    await staffSession(n, 'editor', 'anna@example.com');
    const forged = { host: 'evil.example:3103', 'x-forwarded-host': 'evil.example:3103' };
    const form = await anonymousForm(n, '/admin/forgot', forged);
    expect((await postAnonymous(n, form, '/admin/forgot', { email: 'anna@example.com' }, forged)).statusCode).toBe(200);
    const [mail] = await n.db.kysely.selectFrom('outbox').select('payload').execute();
    const text = (JSON.parse(mail!.payload) as { text: string }).text;
    expect(text).toMatch(/http:\/\/localhost:3000\/admin\/reset\/[A-Za-z0-9_-]{43}/);
    expect(text).not.toContain('evil');
  });
});
