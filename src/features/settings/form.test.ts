import { describe, expect, it } from 'vitest';
import { defaultSettings, SettingsValidationError } from './rules.js';
import { changedSettings, formChanges, formValuesOf, readSettingsForm, validateSettingsForm } from './form.js';

const defaults = defaultSettings({ name: 'Dateline', locale: 'ru', timeZone: 'Europe/Moscow' });

describe('the settings form', () => {
  it('reads the posted fields: CRLF to LF, skips empty channel rows, checkbox off when absent', () => {
    const v = readSettingsForm({
      name: 'Вестник',
      description_ru: 'Строка 1\r\nСтрока 2',
      description_en: 'Line',
      locale: 'en',
      time_zone: ' Asia/Baku ',
      week_start: '7',
      'channel_network[]': ['telegram', '', 'vk'],
      'channel_label[]': ['Telegram', '', ' VK '],
      'channel_url[]': ['https://t.me/x', '', 'https://vk.com/x'],
    });
    expect(v).toMatchObject({
      name: 'Вестник',
      description: { ru: 'Строка 1\nСтрока 2', en: 'Line' },
      locale: 'en',
      timeZone: 'Asia/Baku',
      weekStart: '7',
      channels: [
        { network: 'telegram', label: 'Telegram', url: 'https://t.me/x' },
        { network: 'vk', label: 'VK', url: 'https://vk.com/x' },
      ],
      zoneLabel: { ru: '', en: '' },
      staffTotpRequired: false,
    });
    expect(readSettingsForm({ staff_totp_required: '1', 'channel_label[]': 'Один', 'channel_url[]': 'https://x.org/' })).toMatchObject({
      staffTotpRequired: true,
      channels: [{ network: '', label: 'Один', url: 'https://x.org/' }],
    });
  });

  it('round-trips the current settings unchanged', () => {
    const result = validateSettingsForm(formValuesOf(defaults));
    expect(result).toEqual({ ok: true, settings: defaults });
    if (result.ok) expect(changedSettings(defaults, result.settings)).toEqual([]);
  });

  it('collects every problem before anything is saved, and finds what changed', () => {
    const bad = validateSettingsForm({ ...formValuesOf(defaults), timeZone: 'Mars/Olympus', weekStart: '3', channels: [{ network: 'fax', label: '', url: 'x' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect([...new Set(bad.problems.map((p) => `${p.key}:${p.path.join('.')}`))]).toEqual(['timeZone:', 'weekStart:', 'channels:0.network', 'channels:0.label', 'channels:0.url']);
    }
    const good = validateSettingsForm({ ...formValuesOf(defaults), weekStart: '7', name: '  Вестник  ' });
    expect(good.ok).toBe(true);
    if (good.ok) {
      expect(good.settings).toMatchObject({ weekStart: 7, name: 'Вестник' });
      expect(changedSettings(defaults, good.settings)).toEqual(['name', 'weekStart']);
    }
  });

  it('gives the changed settings to save, or refuses with every problem and its detail', () => {
    expect(formChanges(defaults, formValuesOf(defaults))).toEqual({});
    expect(formChanges(defaults, { ...formValuesOf(defaults), weekStart: '7', name: ' Вестник ' })).toEqual({ weekStart: 7, name: 'Вестник' });
    let refusal: unknown;
    try {
      formChanges(defaults, { ...formValuesOf(defaults), name: 'Вестник', timeZone: 'Mars/Olympus', channels: [{ network: 'vk', label: 'VK', url: 'x' }] });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SettingsValidationError);
    const { code, problems, details } = refusal as SettingsValidationError;
    expect(code).toBe('SETTINGS_INVALID');
    expect([...new Set(problems.map((p) => [p.key, ...p.path].join('.')))]).toEqual(['timeZone', 'channels.0.url']);
    expect(details).toContain('timeZone: is not a known IANA time zone');
    expect(details).toContain('channels.0.url: must be an http(s) address');
  });
});
