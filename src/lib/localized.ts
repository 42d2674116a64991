/** Rows with a primary value and per-language overrides in a `translations` JSON column. */
import type { Lang } from './i18n.js';

type Translations = Partial<Record<Lang, Record<string, string>>>;

const parsed = new Map<string, Translations>();

function parseTranslations(json: string): Translations {
  let value = parsed.get(json);
  if (!value) {
    try {
      value = JSON.parse(json) as Translations;
    } catch {
      value = {};
    }
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(json, value);
  }
  return value;
}

export function localized(primary: string, translationsJson: string, lang: Lang, field: string): string {
  return parseTranslations(translationsJson)[lang]?.[field] || primary;
}
