import { describe, expect, it } from 'vitest';
import { windowDayKeys } from './rules.js';

describe('dashboard windows', () => {
  it('covers every local day the window touches, in the site’s zone', () => {
    const now = new Date('2024-04-11T07:54:00Z'); // 10:54 in Moscow
    expect(windowDayKeys(now, 'Europe/Moscow', 24)).toEqual(['2024-04-10', '2024-04-11']);
    expect(windowDayKeys(now, 'Europe/Moscow', 7 * 24)).toEqual(['2024-04-04', '2024-04-05', '2024-04-06', '2024-04-07', '2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11']);
  });

  it('uses the local date, not the UTC one', () => {
    // 01:30 on 11 April in Moscow is still 10 April in UTC.
    expect(windowDayKeys(new Date('2024-04-10T22:30:00Z'), 'Europe/Moscow', 24)).toEqual(['2024-04-10', '2024-04-11']);
    // 19:00 on 10 April in New York is already 11 April in UTC.
    expect(windowDayKeys(new Date('2024-04-10T23:00:00Z'), 'America/New_York', 24)).toEqual(['2024-04-09', '2024-04-10']);
  });

  it('survives a daylight-saving change inside the window', () => {
    // New York moved its clocks forward on 10 March 2024.
    expect(windowDayKeys(new Date('2024-03-11T12:00:00Z'), 'America/New_York', 48)).toEqual(['2024-03-09', '2024-03-10', '2024-03-11']);
  });
});
