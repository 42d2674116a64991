/** The archive calendar as pure functions: the month grid and the per-day counts, in the site's zone. */
import { daysInMonth, isoWeekday, localDateKey, toLocal, type LocalDate } from '../../lib/time.js';

export type WeekStart = 1 | 7;

/** ISO weekdays in display order: Monday-first [1..7] or Sunday-first [7,1..6]. */
export function weekdayOrder(weekStart: WeekStart): number[] {
  return weekStart === 1 ? [1, 2, 3, 4, 5, 6, 7] : [7, 1, 2, 3, 4, 5, 6];
}

/** Rows of seven cells; each cell is a day of the month or null for padding. */
export function monthGrid(year: number, month: number, weekStart: WeekStart): Array<Array<number | null>> {
  const order = weekdayOrder(weekStart);
  const leading = order.indexOf(isoWeekday({ year, month, day: 1 }));
  const cells: Array<number | null> = Array.from({ length: leading }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<number | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** How many articles fall on each local day (YYYY-MM-DD) of the zone. */
export function countByLocalDay(instants: readonly string[], timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const at of instants) {
    const key = localDateKey(toLocal(new Date(at), timeZone));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface MonthRef {
  year: number;
  month: number;
}

export interface CalendarDay {
  day: number;
  date: string;
  count: number;
  isToday: boolean;
}

export interface CalendarModel extends MonthRef {
  weekdays: number[];
  weeks: Array<Array<CalendarDay | null>>;
  previous: MonthRef | null;
  next: MonthRef | null;
}

export function buildCalendar(input: {
  month: MonthRef;
  weekStart: WeekStart;
  counts: Map<string, number>;
  today: LocalDate;
  previous: MonthRef | null;
  next: MonthRef | null;
}): CalendarModel {
  const { year, month } = input.month;
  const todayKey = localDateKey(input.today);
  const weeks = monthGrid(year, month, input.weekStart).map((week) =>
    week.map((day) => {
      if (day === null) return null;
      const date = localDateKey({ year, month, day });
      return { day, date, count: input.counts.get(date) ?? 0, isToday: date === todayKey };
    }),
  );
  return { year, month, weekdays: weekdayOrder(input.weekStart), weeks, previous: input.previous, next: input.next };
}
