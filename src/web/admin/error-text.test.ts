import { describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors.js';
import { describeError, errorText, type ErrorTexts } from './error-text.js';

const texts: ErrorTexts = {
  ru: {
    codes: { CONFLICT: 'Кто-то успел раньше.' },
    details: { 'slug: taken': (f) => `Адрес «${f.slug}» занят.`, 'headline: is required': 'Нужен заголовок.' },
    fields: { lead: 'лид', city: 'город' },
  },
  en: { details: { 'headline: is required': 'A headline is required.' } },
};

describe('errors in the back office’s language', () => {
  it('gives a known detail its sentence, with the facts it needs', () => {
    expect(errorText('ru', texts, new DomainError('SLUG_TAKEN', 'The address “a” is taken.', ['slug: taken'], { slug: 'a' }))).toBe('Адрес «a» занят.');
  });

  it('gathers the other fields it can name into one sentence, beside the code’s', () => {
    const error = new DomainError('VALIDATION', 'Not valid.', ['headline: is required', 'lead: too long', 'city: too long', 'lead: not text']);
    expect(describeError('ru', texts, error)).toEqual({ summary: 'Некоторые поля заполнены неверно.', problems: ['Нужен заголовок.', 'Проверьте лид, город.'] });
  });

  it('never shows the service’s English on a Russian page: an unknown detail or code gets the general sentence', () => {
    expect(errorText('ru', texts, new DomainError('VALIDATION', 'Something odd.', ['weird: thing']))).toBe('Некоторые поля заполнены неверно.');
    expect(errorText('ru', texts, new DomainError('CSRF', 'The form has expired.'))).toBe('Форма устарела. Перезагрузите страницу и попробуйте снова.');
    expect(errorText('ru', texts, new DomainError('CONFLICT', 'Stale.'))).toBe('Кто-то успел раньше.');
  });

  it('speaks English on an English back office', () => {
    expect(errorText('en', texts, new DomainError('VALIDATION', 'Not valid.', ['headline: is required']))).toBe('A headline is required.');
    expect(errorText('en', texts, new DomainError('FORBIDDEN', 'No.'))).toBe('Your role does not allow this.');
  });
});
