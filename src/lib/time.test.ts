import { describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { dayRange, formatDateline, fromLocal, isoWithOffset, monthRange, toLocal, addMonths, daysInMonth, isValidLocalDate } from './time.js';

describe('time zones', () => {
  it('formats the dateline in the site zone with its label and city', () => {
    const at = new Date('2024-04-11T07:54:00Z');
    expect(formatDateline(at, 'Europe/Moscow', 'Moscow time', 'Moscow')).toBe('11.04.2024 10:54 (Moscow time), Moscow');
    expect(formatDateline(at, 'Asia/Baku', 'Baku time', null)).toBe('11.04.2024 11:54 (Baku time)');
  });

  it('writes <time datetime> with the zone offset', () => {
    expect(isoWithOffset(new Date('2024-04-11T07:54:00Z'), 'Europe/Moscow')).toBe('2024-04-11T10:54:00+03:00');
    expect(isoWithOffset(new Date('2024-01-15T12:00:00Z'), 'America/New_York')).toBe('2024-01-15T07:00:00-05:00');
    expect(isoWithOffset(new Date('2024-07-15T12:00:00Z'), 'America/New_York')).toBe('2024-07-15T08:00:00-04:00');
  });

  it('puts 00:30 Moscow time on the 1st into the 1st, whatever the server zone', () => {
    const at = new Date('2024-03-31T21:30:00Z'); // 00:30 on 1 April in Moscow
    expect(toLocal(at, 'Europe/Moscow')).toMatchObject({ year: 2024, month: 4, day: 1, hour: 0, minute: 30 });
    const april = monthRange(2024, 4, 'Europe/Moscow');
    expect(april.start.toISOString()).toBe('2024-03-31T21:00:00.000Z');
    expect(at >= april.start && at < april.end).toBe(true);
  });

  it('computes day boundaries at the edge of a month and a year', () => {
    expect(dayRange({ year: 2024, month: 3, day: 31 }, 'Europe/Moscow')).toEqual({
      start: new Date('2024-03-30T21:00:00Z'),
      end: new Date('2024-03-31T21:00:00Z'),
    });
    expect(dayRange({ year: 2023, month: 12, day: 31 }, 'UTC').end.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('handles a daylight-saving day of 23 hours', () => {
    const { start, end } = dayRange({ year: 2024, month: 3, day: 31 }, 'Europe/Berlin');
    expect(end.getTime() - start.getTime()).toBe(23 * 3600_000);
  });

  it('round-trips local times through UTC in any zone (property)', () => {
    const zones = ['Europe/Moscow', 'Asia/Baku', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), fc.constantFrom(...zones), (date, zone) => {
        const instant = new Date(Math.floor(date.getTime() / 1000) * 1000);
        const local = toLocal(instant, zone);
        const back = fromLocal(local, zone);
        expect(toLocal(back, zone)).toEqual(local);
      }),
    );
  });

  it('steps months and knows month lengths', () => {
    expect(addMonths(2024, 1, -1)).toEqual({ year: 2023, month: 12 });
    expect(addMonths(2024, 12, 1)).toEqual({ year: 2025, month: 1 });
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(isValidLocalDate({ year: 2023, month: 2, day: 29 })).toBe(false);
  });

  it('keeps 50,000 instants seen in a zone and forgets the least recently used one first', () => {
    const zone = 'Asia/Kolkata';
    const at = (i: number) => new Date(Date.UTC(2030, 0, 1) + i * 60_000);
    toLocal(at(0), zone);
    for (let i = 1; i < 50_000; i++) toLocal(at(i), zone);
    toLocal(at(0), zone);
    toLocal(at(50_000), zone);

    const intl = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    expect(toLocal(at(0), zone)).toMatchObject({ year: 2030, month: 1, day: 1, hour: 5, minute: 30 });
    toLocal(at(2), zone);
    expect(intl).not.toHaveBeenCalled();
    toLocal(at(1), zone);
    expect(intl).toHaveBeenCalledTimes(1);
    intl.mockRestore();
  });
});
