/**
 * The settings form of the back office, as data: reading the posted fields into candidate values,
 * validating every setting before any is saved, and finding which ones changed. Pure; no I/O.
 */
import { SETTING_KEYS, settingsSchema, type SettingKey, type SiteSettings } from '../../lib/site-settings.js';
import { field, fields, formSchema, formText, formTexts, type FormFields } from '../../web/admin/fields.js';
import { settingProblem, SettingsValidationError, type SettingProblem } from './rules.js';

type Body = FormFields;

/** Channel rows shown empty under the existing ones, so a channel can be added without JavaScript. */
export const EMPTY_CHANNEL_ROWS = 3;

export interface ChannelRow {
  network: string;
  label: string;
  url: string;
}

/** The settings as the form holds them: what was stored, or what was just posted. */
export interface SettingsFormValues {
  name: string;
  description: { ru: string; en: string };
  locale: string;
  timeZone: string;
  zoneLabel: { ru: string; en: string };
  weekStart: string;
  datelineCity: { ru: string; en: string };
  channels: ChannelRow[];
  commentRules: { ru: string; en: string };
  staffTotpRequired: boolean;
}

/** The posted form's fields, as the route schema reads them. */
export const settingsFormBody = formSchema({
  name: formText,
  locale: formText,
  time_zone: formText,
  week_start: formText,
  staff_totp_required: formText,
  description_ru: formText,
  description_en: formText,
  zone_label_ru: formText,
  zone_label_en: formText,
  dateline_city_ru: formText,
  dateline_city_en: formText,
  comment_rules_ru: formText,
  comment_rules_en: formText,
  'channel_network[]': formTexts,
  'channel_label[]': formTexts,
  'channel_url[]': formTexts,
});

const one = field;
const many = fields;
/** Textareas send CRLF line ends; settings keep LF. */
const lines = (s: string) => s.replace(/\r\n?/g, '\n');
const perLang = (body: Body, name: string, multiline = false) => {
  const read = (lang: string) => (multiline ? lines(one(body, `${name}_${lang}`)) : one(body, `${name}_${lang}`));
  return { ru: read('ru'), en: read('en') };
};

export function formValuesOf(s: SiteSettings): SettingsFormValues {
  return {
    name: s.name,
    description: { ...s.description },
    locale: s.locale,
    timeZone: s.timeZone,
    zoneLabel: { ...s.zoneLabel },
    weekStart: String(s.weekStart),
    datelineCity: { ...s.datelineCity },
    channels: s.channels.map((c) => ({ ...c })),
    commentRules: { ...s.commentRules },
    staffTotpRequired: s.staffTotpRequired,
  };
}

/** Reads the posted form. Channel rows come as parallel lists (channel_network[], channel_label[], channel_url[]) in page order. */
export function readSettingsForm(body: Body): SettingsFormValues {
  const networks = many(body, 'channel_network[]');
  const labels = many(body, 'channel_label[]');
  const urls = many(body, 'channel_url[]');
  const rows = Math.max(networks.length, labels.length, urls.length);
  const channels: ChannelRow[] = [];
  for (let i = 0; i < rows; i++) {
    const row = { network: (networks[i] ?? '').trim(), label: (labels[i] ?? '').trim(), url: (urls[i] ?? '').trim() };
    // A row without a label and an address is an unused (or cleared, i.e. removed) row.
    if (row.label === '' && row.url === '') continue;
    channels.push(row);
  }
  return {
    name: one(body, 'name'),
    description: perLang(body, 'description', true),
    locale: one(body, 'locale'),
    timeZone: one(body, 'time_zone').trim(),
    zoneLabel: perLang(body, 'zone_label'),
    weekStart: one(body, 'week_start'),
    datelineCity: perLang(body, 'dateline_city'),
    channels,
    commentRules: perLang(body, 'comment_rules', true),
    staffTotpRequired: one(body, 'staff_totp_required') === '1',
  };
}

/** The value each setting would get from the form, before validation. */
function candidates(v: SettingsFormValues): Record<SettingKey, unknown> {
  return {
    name: v.name,
    description: v.description,
    locale: v.locale,
    timeZone: v.timeZone,
    zoneLabel: v.zoneLabel,
    weekStart: /^\d+$/.test(v.weekStart) ? Number(v.weekStart) : v.weekStart,
    datelineCity: v.datelineCity,
    channels: v.channels,
    commentRules: v.commentRules,
    staffTotpRequired: v.staffTotpRequired,
  };
}

/** Validates every setting of the form; either all of them are good, or nothing is and the problems say why. */
export function validateSettingsForm(v: SettingsFormValues): { ok: true; settings: SiteSettings } | { ok: false; problems: SettingProblem[] } {
  const values = candidates(v);
  const parsed: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const key of SETTING_KEYS) {
    const result = settingsSchema.shape[key].safeParse(values[key]);
    if (result.success) parsed[key] = result.data;
    else for (const issue of result.error.issues) problems.push(settingProblem(key, issue));
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings: parsed as SiteSettings };
}

/** The settings whose value differs from the current one. */
export function changedSettings(current: SiteSettings, next: SiteSettings): SettingKey[] {
  return SETTING_KEYS.filter((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]));
}

/** The settings the form changes, every one validated first: SETTINGS_INVALID names each problem, and nothing changes. */
export function formChanges(current: SiteSettings, values: SettingsFormValues): Partial<SiteSettings> {
  const result = validateSettingsForm(values);
  if (!result.ok) throw new SettingsValidationError(result.problems);
  return Object.fromEntries(changedSettings(current, result.settings).map((key) => [key, result.settings[key]]));
}
