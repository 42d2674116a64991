import { describe, it, expect, vi, afterEach } from 'vitest';
import { localized, translationOf, withTranslation } from './localized.js';

const titled = (title: string) => JSON.stringify({ en: { title } });

describe('localized values', () => {
  afterEach(() => vi.restoreAllMocks());

  it('falls back to the primary value when a language has no override', () => {
    const json = withTranslation('{}', 'en', 'title', 'Bridge');
    expect(localized('Мост', json, 'en', 'title')).toBe('Bridge');
    expect(localized('Мост', json, 'ru', 'title')).toBe('Мост');
    expect(localized('Мост', 'not json', 'en', 'title')).toBe('Мост');
    expect(translationOf(withTranslation(json, 'en', 'title', ''), 'en', 'title')).toBe('');
  });

  it('keeps 10,000 parsed translations and forgets the least recently used one first', () => {
    localized('', titled('first'), 'en', 'title');
    for (let i = 1; i < 10_000; i++) localized('', titled(`t${i}`), 'en', 'title');
    localized('', titled('first'), 'en', 'title');
    localized('', titled('one too many'), 'en', 'title');

    const parse = vi.spyOn(JSON, 'parse');
    expect(localized('', titled('first'), 'en', 'title')).toBe('first');
    expect(localized('', titled('t2'), 'en', 'title')).toBe('t2');
    expect(parse).not.toHaveBeenCalled();
    expect(localized('', titled('t1'), 'en', 'title')).toBe('t1');
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
