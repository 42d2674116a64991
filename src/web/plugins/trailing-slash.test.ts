import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';

describe('back-office addresses typed without their trailing slash', () => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await createNewsroom('sqlite');
  });
  afterAll(() => n?.close());

  it('answers 301 to the slashed address, keeping the query string', async () => {
    for (const [typed, target] of [
      ['/admin', '/admin/'],
      ['/admin?next=1', '/admin/?next=1'],
      ['/admin/articles', '/admin/articles/'],
      ['/admin/articles?status=draft&q=port', '/admin/articles/?status=draft&q=port'],
      ['/admin/media', '/admin/media/'],
      ['/admin/settings', '/admin/settings/'],
    ]) {
      const res = await n.app.inject({ url: typed! });
      expect([typed, res.statusCode, res.headers.location]).toEqual([typed, 301, target]);
    }
    const head = await n.app.inject({ method: 'HEAD', url: '/admin/account' });
    expect([head.statusCode, head.headers.location]).toEqual([301, '/admin/account/']);
  });

  it('leaves alone addresses that have no slashed page, other methods, and the public site', async () => {
    for (const url of ['/admin/nothing-here', '/admin/articles/new/x', '/news', '/administrator']) {
      expect([url, (await n.app.inject({ url })).statusCode]).toEqual([url, 404]);
    }
    expect((await n.app.inject({ method: 'POST', url: '/admin/articles' })).statusCode).toBe(404);
    // The sign-in page has no slashed form: it is not redirected.
    expect((await n.app.inject({ url: '/admin/sign-in' })).statusCode).toBe(200);
  });
});
