/** Site settings: their schema, defaults and validation. Stored in the database, defaults from config. */
import { DomainError } from '../../lib/errors.js';
import type { Lang } from '../../lib/i18n.js';
import { settingsSchema, type SettingKey, type SiteSettings } from '../../lib/site-settings.js';

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

/** A value that did not validate: the setting, where in it (e.g. [2, 'url'] for the third channel's address), and zod's reason. */
export interface SettingProblem {
  key: SettingKey;
  path: Array<string | number>;
  message: string;
}

const detailOf = (p: SettingProblem) => `${[p.key, ...p.path].join('.')}: ${p.message}`;

/** SETTINGS_INVALID: each problem is a detail `key.path: reason`. */
export class SettingsValidationError extends DomainError {
  constructor(readonly problems: SettingProblem[]) {
    super('SETTINGS_INVALID', problems.map(detailOf).join('; '), problems.map(detailOf));
  }
}

/** A zod issue of one setting's value as a problem of that setting. */
export function settingProblem(key: SettingKey, issue: { path: PropertyKey[]; message: string }): SettingProblem {
  return { key, path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))), message: issue.message };
}

/** Validates one setting's new value; returns the parsed value or throws with a readable reason. */
export function parseSetting<K extends SettingKey>(key: K, value: unknown): SiteSettings[K] {
  const field = settingsSchema.shape[key];
  const result = field.safeParse(value);
  if (!result.success) {
    throw new SettingsValidationError(result.error.issues.map((issue) => settingProblem(key, issue)));
  }
  return result.data as SiteSettings[K];
}
