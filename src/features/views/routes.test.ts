import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/helpers/newsroom.js';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const reader = (ua = chrome) => ({ 'user-agent': ua, 'sec-fetch-site': 'same-origin' });

forEachDialect('views', (dialect) => {
  let n: Newsroom;
  let id: number;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    id = await publishArticle(n, '2024-04-11T07:00:00Z', { slug: 'paromy' });
  });
  afterEach(() => n.close());

  const beacon = (headers: Record<string, string>, remoteAddress = '203.0.113.5') =>
    n.app.inject({ method: 'POST', url: `/api/views/${id}`, headers, remoteAddress });

  it('counts a reader once per article per day and answers with the fresh count', async () => {
    const first = await beacon(reader());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ views: 1, counted: true });
    expect(first.headers['set-cookie']).toBeUndefined();
    expect((await beacon(reader())).json()).toEqual({ views: 1, counted: false });
    expect((await beacon(reader(), '198.51.100.7')).json()).toEqual({ views: 2, counted: true });
  });

  it('counts the same reader again on the next local day', async () => {
    await beacon(reader());
    n.clock.now = new Date('2024-04-11T21:00:00Z'); // 00:00 on 12 April in Moscow
    expect((await beacon(reader())).json()).toEqual({ views: 2, counted: true });
  });

  it('never counts bots, previews or staff', async () => {
    expect((await beacon({ ...reader(), 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).json()).toEqual({ views: 0, counted: false });
    expect((await beacon({ ...reader(), 'sec-purpose': 'prefetch' })).json()).toEqual({ views: 0, counted: false });
    await n.services.accounts.createUser({ email: 'ed@example.com', name: 'Editor', role: 'editor', password: 'caspian-ferry-2024' });
    const { token } = await n.services.accounts.signIn({ email: 'ed@example.com', password: 'caspian-ferry-2024', ip: '127.0.0.1', userAgent: chrome });
    expect((await beacon({ ...reader(), cookie: `dl_session=${token}` })).json()).toEqual({ views: 0, counted: false });
    // A made-up session cookie is no session: that reader is counted.
    expect((await beacon({ ...reader(), cookie: 'dl_session=forged' })).json()).toEqual({ views: 1, counted: true });
  });

  it('buffers counts and flushes them in one batch to the database', async () => {
    for (let i = 0; i < 25; i++) await beacon(reader(), `192.0.2.${i}`);
    const before = await n.db.kysely.selectFrom('articles').select('view_count').where('id', '=', id).executeTakeFirstOrThrow();
    expect(before.view_count).toBe(0);
    await n.services.views.flush();
    const after = await n.db.kysely.selectFrom('articles').select('view_count').where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.view_count).toBe(25);
    const daily = await n.db.kysely.selectFrom('article_daily_views').selectAll().execute();
    expect(daily).toEqual([{ article_id: id, day: '2024-04-11', views: 25 }]);
    expect((await beacon(reader(), '192.0.2.200')).json()).toEqual({ views: 26, counted: true });
    await n.services.views.flush();
    const daily2 = await n.db.kysely.selectFrom('article_daily_views').select('views').executeTakeFirstOrThrow();
    expect(daily2.views).toBe(26);
  });

  it('rejects beacons from other sites and unknown articles with clear errors', async () => {
    const foreign = await beacon({ 'user-agent': chrome, 'sec-fetch-site': 'cross-site' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('BAD_ORIGIN');
    const noOrigin = await beacon({ 'user-agent': chrome });
    expect(noOrigin.statusCode).toBe(403);
    const byOrigin = await beacon({ 'user-agent': chrome, origin: 'http://localhost:80', host: 'localhost:80' });
    expect(byOrigin.statusCode).toBe(200);
    const unknown = await n.app.inject({ method: 'POST', url: '/api/views/99999', headers: reader() });
    expect(unknown.statusCode).toBe(404);
    const junk = await n.app.inject({ method: 'POST', url: '/api/views/abc', headers: reader() });
    expect(junk.statusCode).toBe(404);
  });

  it('counts through the no-JavaScript pixel too', async () => {
    const res = await n.app.inject({ url: `/api/views/${id}/pixel.gif`, headers: reader(), remoteAddress: '203.0.113.5' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/gif');
    expect((await beacon(reader())).json()).toEqual({ views: 1, counted: false });
  });

  it('is rate-limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 125; i++) last = (await beacon(reader(), '192.0.2.99')).statusCode;
    expect(last).toBe(429);
  });
});
