/** Rows with a primary value and per-language overrides in a `translations` JSON column. */
import { LRUCache } from 'lru-cache';
import type { Lang } from './i18n.js';

type Translations = Partial<Record<Lang, Record<string, string>>>;

const parsed = new LRUCache<string, Translations>({ max: 10_000 });

function parseTranslations(json: string): Translations {
  let value = parsed.get(json);
  if (!value) {
    try {
      value = JSON.parse(json) as Translations;
    } catch {
      value = {};
    }
    parsed.set(json, value);
  }
  return value;
}

export function localized(primary: string, translationsJson: string, lang: Lang, field: string): string {
  return parseTranslations(translationsJson)[lang]?.[field] || primary;
}

/**
 * Sets (or, with an empty value, removes) one field of one language in a `translations` JSON,
 * keeping every other language and field as it was. Returns the new JSON.
 */
export function withTranslation(translationsJson: string, lang: Lang, field: string, value: string): string {
  let all: Translations;
  try {
    const parsedJson: unknown = JSON.parse(translationsJson);
    all = parsedJson && typeof parsedJson === 'object' && !Array.isArray(parsedJson) ? (parsedJson as Translations) : {};
  } catch {
    all = {};
  }
  const fields = { ...(all[lang] ?? {}) };
  if (value) fields[field] = value;
  else delete fields[field];
  const next: Translations = { ...all, [lang]: fields };
  if (Object.keys(fields).length === 0) delete next[lang];
  return JSON.stringify(next);
}

/** One field of one language from a `translations` JSON, without falling back to the primary value. */
export function translationOf(translationsJson: string, lang: Lang, field: string): string {
  return parseTranslations(translationsJson)[lang]?.[field] ?? '';
}
