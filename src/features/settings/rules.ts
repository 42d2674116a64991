/** Site settings: their schema, defaults and validation. Stored in the database, defaults from config. */
import { z } from 'zod';
import { DomainError } from '../../lib/errors.js';
import { LANGS, type Lang } from '../../lib/i18n.js';
import { isValidTimeZone } from '../../lib/time.js';

export const CHANNEL_NETWORKS = ['telegram', 'dzen', 'vk', 'ok', 'youtube', 'rutube', 'tiktok', 'viber', 'whatsapp', 'x', 'rss'] as const;
export type ChannelNetwork = (typeof CHANNEL_NETWORKS)[number];

const perLang = z.object({ ru: z.string().max(2000), en: z.string().max(2000) });

export const channelSchema = z.object({
  network: z.enum(CHANNEL_NETWORKS),
  label: z.string().min(1).max(60),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) address'),
});
export type Channel = z.infer<typeof channelSchema>;

export const settingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: perLang,
  locale: z.enum(LANGS),
  timeZone: z.string().refine(isValidTimeZone, 'is not a known IANA time zone'),
  zoneLabel: perLang,
  weekStart: z.union([z.literal(1), z.literal(7)]),
  datelineCity: perLang,
  channels: z.array(channelSchema).max(20),
  commentRules: perLang,
  /** When on, every staff member must set up a TOTP second factor before using the back office. */
  staffTotpRequired: z.boolean(),
});
export type SiteSettings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof SiteSettings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

export function defaultSettings(defaults: { name: string; locale: Lang; timeZone: string }): SiteSettings {
  return {
    name: defaults.name,
    description: {
      ru: 'Новости, репортажи и колонки о Каспийском регионе',
      en: 'News, reports and columns from the Caspian region',
    },
    locale: defaults.locale,
    timeZone: defaults.timeZone,
    zoneLabel: { ru: 'мск', en: 'Moscow time' },
    weekStart: 1,
    datelineCity: { ru: 'Москва', en: 'Moscow' },
    channels: [],
    commentRules: {
      ru: [
        'Не публикуйте заведомо ложную информацию, экстремистские материалы, оскорбления и фейки.',
        'Ссылки на сторонние ресурсы запрещены.',
        'Администрация вправе удалять комментарии и блокировать учётные записи без предупреждения.',
      ].join('\n'),
      en: [
        'Do not post knowingly false information, extremist material, insults or fakes.',
        'Links to third-party resources are not allowed.',
        'The administration may delete comments and block accounts without notice.',
      ].join('\n'),
    },
    staffTotpRequired: false,
  };
}

/** SETTINGS_INVALID: each problem is a detail `key.path: reason`. */
export class SettingsValidationError extends DomainError {
  constructor(readonly problems: string[]) {
    super('SETTINGS_INVALID', problems.join('; '), problems);
  }
}

/** Validates one setting's new value; returns the parsed value or throws with a readable reason. */
export function parseSetting<K extends SettingKey>(key: K, value: unknown): SiteSettings[K] {
  const field = settingsSchema.shape[key];
  const result = field.safeParse(value);
  if (!result.success) {
    throw new SettingsValidationError(
      result.error.issues.map((i) => `${[key, ...i.path].join('.')}: ${i.message}`),
    );
  }
  return result.data as SiteSettings[K];
}
