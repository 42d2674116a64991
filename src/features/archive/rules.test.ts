import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildCalendar, countByLocalDay, monthGrid } from './rules.js';
import { daysInMonth } from '../../lib/time.js';

describe('calendar grid', () => {
  it('starts April 2024 on Monday with a Monday-first week', () => {
    const weeks = monthGrid(2024, 4, 1);
    expect(weeks[0]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weeks.at(-1)).toEqual([29, 30, null, null, null, null, null]);
  });

  it('pads a Sunday-first week', () => {
    const weeks = monthGrid(2024, 4, 7); // 1 April 2024 is a Monday
    expect(weeks[0]).toEqual([null, 1, 2, 3, 4, 5, 6]);
  });

  it('holds every day exactly once in whole weeks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1 as const, 7 as const), (y, m, ws) => {
        const weeks = monthGrid(y, m, ws);
        expect(weeks.every((w) => w.length === 7)).toBe(true);
        const days = weeks.flat().filter((d) => d !== null);
        expect(days).toEqual(Array.from({ length: daysInMonth(y, m) }, (_, i) => i + 1));
        expect(weeks[0]!.some((d) => d !== null)).toBe(true);
        expect(weeks.at(-1)!.some((d) => d !== null)).toBe(true);
      }),
    );
  });

  it('counts articles per local day in the site zone', () => {
    const counts = countByLocalDay(['2024-03-31T21:30:00Z', '2024-04-01T08:00:00Z', '2024-03-31T20:59:00Z'], 'Europe/Moscow');
    expect(counts.get('2024-04-01')).toBe(2);
    expect(counts.get('2024-03-31')).toBe(1);
  });

  it('marks today and carries neighbour months', () => {
    const model = buildCalendar({
      month: { year: 2024, month: 4 },
      weekStart: 1,
      counts: new Map([['2024-04-11', 3]]),
      today: { year: 2024, month: 4, day: 11 },
      previous: { year: 2024, month: 2 },
      next: null,
    });
    const cell = model.weeks.flat().find((c) => c?.day === 11)!;
    expect(cell).toEqual({ day: 11, date: '2024-04-11', count: 3, isToday: true });
    expect(model.previous).toEqual({ year: 2024, month: 2 });
    expect(model.next).toBeNull();
    expect(model.weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
