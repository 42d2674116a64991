import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachDialect, createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { EventBus } from '../../lib/events.js';
import { defaultSettings, SettingsValidationError } from './rules.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import { SettingsService } from './service.js';

forEachDialect('site settings', (dialect) => {
  let db: TestDb;
  const defaults = defaultSettings({ name: 'Dateline', locale: 'ru', timeZone: 'Europe/Moscow' });
  beforeEach(async () => {
    db = await createTestDb(dialect);
  });
  afterEach(() => db.dispose());

  it('starts from the config defaults and keeps what is stored', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.on((e) => seen.push(e.type));
    const settings = await SettingsService.load(db.kysely, events, defaults);
    expect(settings.get().timeZone).toBe('Europe/Moscow');
    await settings.set('timeZone', 'Asia/Baku');
    await settings.set('zoneLabel', { ru: 'бакинское время', en: 'Baku time' });
    await settings.set('channels', [{ network: 'telegram', label: 'Telegram', url: 'https://t.me/x' }]);
    expect(seen).toEqual(['settings.changed', 'settings.changed', 'settings.changed']);
    const reloaded = await SettingsService.load(db.kysely, new EventBus(), defaults);
    expect(reloaded.get()).toMatchObject({ timeZone: 'Asia/Baku', zoneLabel: { en: 'Baku time' }, channels: [{ network: 'telegram' }] });
  });

  it('generates a server secret once, shared by services started at the same moment and kept across restarts', async () => {
    const [a, b] = await Promise.all([SettingsService.load(db.kysely, new EventBus(), defaults), SettingsService.load(db.kysely, new EventBus(), defaults)]);
    const [first, second] = await Promise.all([a.serverSecret('csrf'), b.serverSecret('csrf')]);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(second).toBe(first);
    expect(await (await SettingsService.load(db.kysely, new EventBus(), defaults)).serverSecret('csrf')).toBe(first);
    expect(await a.serverSecret('other')).not.toBe(first);
    expect(a.get()).not.toHaveProperty('secret:csrf');
  });

  it('refuses bad values with a reason and changes nothing', async () => {
    const settings = await SettingsService.load(db.kysely, new EventBus(), defaults);
    await expect(settings.set('timeZone', 'Mars/Olympus')).rejects.toThrow('timeZone: is not a known IANA time zone');
    await expect(settings.set('weekStart', 3)).rejects.toBeInstanceOf(SettingsValidationError);
    // A catalogued domain error: 400 wherever it surfaces, each problem a detail.
    await expect(settings.set('weekStart', 3)).rejects.toMatchObject({ code: 'SETTINGS_INVALID', details: [expect.stringMatching(/^weekStart: /)] });
    expect(ERROR_CATALOGUE.SETTINGS_INVALID.status).toBe(400);
    await expect(settings.set('channels', [{ network: 'telegram', label: 'T', url: 'javascript:alert(1)' }])).rejects.toThrow(/channels\.0\.url/);
    expect(settings.get().timeZone).toBe('Europe/Moscow');
    expect(await db.kysely.selectFrom('settings').selectAll().execute()).toEqual([]);
  });

  it('stores several values in one transaction with one announcement, or none of them when one is bad', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.on((e) => seen.push(e.type));
    const settings = await SettingsService.load(db.kysely, events, defaults);
    await expect(settings.setMany({ name: 'Каспий сегодня', timeZone: 'Mars/Olympus' })).rejects.toThrow('timeZone: is not a known IANA time zone');
    expect(await db.kysely.selectFrom('settings').selectAll().execute()).toEqual([]);
    expect(seen).toEqual([]);
    await settings.setMany({ name: 'Каспий сегодня', timeZone: 'Asia/Baku', weekStart: 7 });
    expect(seen).toEqual(['settings.changed']);
    const reloaded = await SettingsService.load(db.kysely, new EventBus(), defaults);
    expect(reloaded.get()).toMatchObject({ name: 'Каспий сегодня', timeZone: 'Asia/Baku', weekStart: 7 });
  });

  it('reloads what another node stored, as a new snapshot, without announcing it again', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.on((e) => seen.push(e.type));
    const here = await SettingsService.load(db.kysely, events, defaults);
    const other = await SettingsService.load(db.kysely, new EventBus(), defaults);
    const before = here.get();
    await other.set('name', 'Каспийский вестник');
    expect(here.get().name).toBe('Dateline');
    await here.reload();
    expect(here.get().name).toBe('Каспийский вестник');
    expect(here.get()).not.toBe(before);
    expect(seen).toEqual([]);
  });
});
