import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';
import { failurePage } from '../public/site.js';

describe('the favicon', () => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await createNewsroom('sqlite');
  });
  afterAll(() => n?.close());

  const ICON_LINK = '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">';

  it('is an SVG among the built assets, and /favicon.ico leads to it', async () => {
    const ico = await n.app.inject({ url: '/favicon.ico' });
    expect([ico.statusCode, ico.headers.location]).toEqual([301, '/assets/favicon.svg']);
    const svg = await n.app.inject({ url: '/assets/favicon.svg' });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('is named in the head of the public pages, the error pages and the back office', async () => {
    for (const url of ['/', '/no-such-page', '/admin/sign-in']) {
      expect([url, (await n.app.inject({ url })).body.includes(ICON_LINK)]).toEqual([url, true]);
    }
    expect(failurePage({ name: 'Dateline', locale: 'ru' }, '/', 503)).toContain(ICON_LINK);
  });
});
