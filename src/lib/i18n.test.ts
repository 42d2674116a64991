import { describe, it, expect } from 'vitest';
import { translator, monthName, formatLongDate, weekdayShort } from './i18n.js';

describe('i18n', () => {
  it('uses Russian plural forms for views', () => {
    const ru = translator('ru');
    expect(ru.plural('views', 1)).toBe('1 просмотр');
    expect(ru.plural('views', 2)).toBe('2 просмотра');
    expect(ru.plural('views', 5)).toBe('5 просмотров');
    expect(ru.plural('views', 11)).toBe('11 просмотров');
    expect(ru.plural('views', 21)).toBe('21 просмотр');
    expect(ru.plural('views', 1234)).toBe('1\u00a0234 просмотра');
  });

  it('uses English plurals and number grouping', () => {
    const en = translator('en');
    expect(en.plural('views', 1)).toBe('1 view');
    expect(en.plural('views', 1234)).toBe('1,234 views');
  });

  it('names months and weekdays in both languages', () => {
    expect(monthName('ru', 4)).toBe('Апрель');
    expect(formatLongDate('ru', 2024, 4, 11)).toBe('11 апреля 2024');
    expect(formatLongDate('en', 2024, 4, 11)).toBe('11 April 2024');
    expect(weekdayShort('ru', 1)).toBe('Пн');
    expect(weekdayShort('en', 7)).toBe('Sun');
  });
});
