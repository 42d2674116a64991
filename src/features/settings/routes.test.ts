import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { createNewsroom, type Newsroom } from '../../../test/helpers/newsroom.js';
import { postForm, staffSession, type StaffSession } from '../../../test/helpers/admin.js';
import type { SiteSettings } from '../../lib/site-settings.js';

/** The whole settings form as a browser would send it, from the current settings with some fields changed. */
function formOf(s: SiteSettings, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    name: s.name,
    locale: s.locale,
    time_zone: s.timeZone,
    week_start: String(s.weekStart),
    'channel_network[]': [...s.channels.map((c) => c.network), '', '', ''],
    'channel_label[]': [...s.channels.map((c) => c.label), '', '', ''],
    'channel_url[]': [...s.channels.map((c) => c.url), '', '', ''],
  };
  for (const lang of ['ru', 'en'] as const) {
    fields[`description_${lang}`] = s.description[lang].replace(/\n/g, '\r\n');
    fields[`zone_label_${lang}`] = s.zoneLabel[lang];
    fields[`dateline_city_${lang}`] = s.datelineCity[lang];
    fields[`comment_rules_${lang}`] = s.commentRules[lang].replace(/\n/g, '\r\n');
  }
  if (s.staffTotpRequired) fields.staff_totp_required = '1';
  return { ...fields, ...overrides };
}

forEachDialect('back office: settings', (dialect) => {
  let n: Newsroom;
  let owner: StaffSession;
  beforeEach(async () => {
    n = await createNewsroom(dialect, { now: '2024-04-11T07:54:00Z' });
    owner = await staffSession(n, 'owner');
  });
  afterEach(() => n.close());

  const get = (s: StaffSession, url = '/admin/settings/') => n.app.inject({ url, headers: { cookie: s.cookie } });
  const save = (overrides: Record<string, string | string[]>, s = owner) => postForm(n, s, '/admin/settings/', formOf(n.services.settings.get(), overrides));

  it('is for the owner only', async () => {
    const res = await get(owner);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Настройки</h1>');
    expect(res.body).toContain('name="time_zone" value="Europe/Moscow"');
    expect(res.body).toContain('<option value="Asia/Baku"></option>');
    for (const role of ['editor', 'author', 'moderator'] as const) {
      const s = await staffSession(n, role);
      expect((await get(s)).statusCode).toBe(403);
      const post = await save({ name: 'Захват' }, s);
      expect(post.statusCode).toBe(403);
    }
    expect(n.services.settings.get().name).not.toBe('Захват');
    expect((await n.app.inject('/admin/settings/')).statusCode).toBe(303);
  });

  it('refuses a form without its CSRF token', async () => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(formOf(n.services.settings.get(), { name: 'Без токена' }))) for (const item of [v].flat()) body.append(k, item);
    const res = await n.app.inject({ method: 'POST', url: '/admin/settings/', headers: { ...owner.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'CSRF', message: 'Форма устарела. Перезагрузите страницу и попробуйте снова.' });
    expect(n.services.settings.get().name).not.toBe('Без токена');
  });

  it('shows the message for a bad time zone and changes nothing, not even the valid fields', async () => {
    const before = n.services.settings.get();
    const res = await save({ name: 'Новое имя', time_zone: 'Mars/Olympus', week_start: '7' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ничего не сохранено. Исправьте:');
    expect(res.body).toContain('<li>Часовой пояс «Mars/Olympus»: такого часового пояса мы не знаем. Укажите название IANA, например Europe/Moscow или Asia/Baku.</li>');
    expect(res.body).toContain('name="time_zone" value="Mars/Olympus"');
    expect(res.body).toMatch(/name="time_zone" value="Mars\/Olympus"[^>]*aria-invalid="true"/);
    expect(res.body).toContain('name="name" value="Новое имя"');
    expect(n.services.settings.get()).toEqual(before);
    expect(await n.db.kysely.selectFrom('settings').select('key').where('key', 'not like', 'secret:%').execute()).toEqual([]);
  });

  it('names each bad channel row and each bad value', async () => {
    const res = await save({
      'channel_network[]': ['telegram', '', 'vk', ''],
      'channel_label[]': ['Telegram', 'Без сети', '', ''],
      'channel_url[]': ['javascript:alert(1)', 'https://example.org/', 'https://vk.com/x', ''],
      week_start: '3',
      name: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<li>Название сайта: обязательно, не длиннее 120 символов.</li>');
    expect(res.body).toContain('<li>Первый день недели: выберите понедельник или воскресенье.</li>');
    expect(res.body).toContain('<li>Канал 1: адрес должен быть полной ссылкой, начинающейся с http:// или https://.</li>');
    expect(res.body).toContain('<li>Канал 2: выберите сеть.</li>');
    expect(res.body).toContain('<li>Канал 3: нужна подпись длиной от 1 до 60 символов.</li>');
    // The rows come back as typed, with three empty rows below.
    expect(res.body).toContain('value="javascript:alert(1)"');
    expect(res.body.match(/name="channel_url\[\]"/g)).toHaveLength(6);
    expect(n.services.settings.get().channels).toEqual([]);
  });

  it('saves channels, shows them in the public footer, and removes a cleared one', async () => {
    const res = await save({
      'channel_network[]': ['telegram', '', 'vk', ''],
      'channel_label[]': ['Telegram', '', 'ВКонтакте', ''],
      'channel_url[]': ['https://t.me/dateline', '', 'https://vk.com/dateline', ''],
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/settings/?saved=1');
    expect(n.services.settings.get().channels).toEqual([
      { network: 'telegram', label: 'Telegram', url: 'https://t.me/dateline' },
      { network: 'vk', label: 'ВКонтакте', url: 'https://vk.com/dateline' },
    ]);
    const footer = (await n.app.inject('/')).body;
    expect(footer).toContain('<a class="channel channel-telegram" href="https://t.me/dateline" rel="noopener" data-network="telegram">Telegram</a>');
    expect(footer).toContain('<a class="channel channel-vk" href="https://vk.com/dateline" rel="noopener" data-network="vk">ВКонтакте</a>');
    const page = (await get(owner, '/admin/settings/?saved=1')).body;
    expect(page).toContain('<p class="notice notice-ok" role="status">Сохранено.</p>');
    expect(page.match(/name="channel_url\[\]"/g)).toHaveLength(5);

    await save({ 'channel_network[]': ['telegram', 'vk', '', '', ''], 'channel_label[]': ['', 'ВКонтакте', '', '', ''], 'channel_url[]': ['', 'https://vk.com/dateline', '', '', ''] });
    expect(n.services.settings.get().channels.map((c) => c.network)).toEqual(['vk']);
    expect((await n.app.inject('/')).body).not.toContain('t.me/dateline');
  });

  it('switches the public calendar to Sunday first with weekStart 7', async () => {
    expect((await n.app.inject('/')).body).toMatch(/<thead><tr><th scope="col" abbr="понедельник">Пн<\/th>/);
    expect((await save({ week_start: '7' })).statusCode).toBe(303);
    expect(n.services.settings.get().weekStart).toBe(7);
    const html = (await n.app.inject('/')).body;
    expect(html).toMatch(/<thead><tr><th scope="col" abbr="воскресенье">Вс<\/th>/);
    expect(html).toMatch(/<tbody><tr><td class="empty"><\/td><td>1<\/td>/);
    expect((await get(owner)).body).toContain('<option value="7" selected>воскресенье</option>');
  });

  it('saves every setting, and only the ones that changed', async () => {
    const seen: string[] = [];
    n.services.events.on((e) => seen.push(e.type));
    const unchanged = await save({});
    expect(unchanged.headers.location).toBe('/admin/settings/?unchanged=1');
    expect(seen).toEqual([]);
    const res = await save({
      name: 'Каспийский вестник',
      description_ru: 'Новости\r\nКаспия',
      description_en: 'Caspian news',
      time_zone: 'Asia/Baku',
      zone_label_ru: 'бакинское время',
      zone_label_en: 'Baku time',
      dateline_city_ru: 'Баку',
      dateline_city_en: 'Baku',
      comment_rules_ru: 'Будьте вежливы.\r\nБез ссылок.',
      comment_rules_en: 'Be polite.',
      staff_totp_required: '1',
      locale: 'en',
    });
    expect(res.statusCode).toBe(303);
    expect(n.services.settings.get()).toMatchObject({
      name: 'Каспийский вестник',
      description: { ru: 'Новости\nКаспия', en: 'Caspian news' },
      locale: 'en',
      timeZone: 'Asia/Baku',
      zoneLabel: { ru: 'бакинское время', en: 'Baku time' },
      datelineCity: { ru: 'Баку', en: 'Baku' },
      commentRules: { ru: 'Будьте вежливы.\nБез ссылок.', en: 'Be polite.' },
      staffTotpRequired: true,
      weekStart: 1,
    });
    // Eight keys changed, saved together: one announcement, so the page cache is emptied once.
    expect(seen).toEqual(['settings.changed']);
    const stored = await n.db.kysely.selectFrom('settings').select('key').where('key', 'not like', 'secret:%').orderBy('key').execute();
    expect(stored.map((r) => r.key)).toEqual(['commentRules', 'datelineCity', 'description', 'locale', 'name', 'staffTotpRequired', 'timeZone', 'zoneLabel']);
    // The owner has no second factor yet, so the back office now asks for one first.
    expect((await get(owner)).headers.location).toBe('/admin/account/?required=2fa');
    await n.services.settings.set('staffTotpRequired', false);
    const english = (await get(owner)).body;
    expect(english).toContain('<h1>Settings</h1>');
    expect(english).toContain('<option value="en" selected>English</option>');
    expect((await n.app.inject('/')).body).toContain('<html lang="en">');
  });
});
