/**
 * Time-zone arithmetic on top of Intl. Instants are stored in UTC; calendar dates are always
 * computed in the site's zone, never the server's.
 */
import { LRUCache } from 'lru-cache';

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An instant seen in a zone, with the strings pages print for it (made on first use). */
interface LocalInstant {
  local: LocalDateTime;
  iso?: string;
  dayTime?: string;
}

// Pages show the same stored instants over and over; Intl's formatToParts is slow, so results are kept.
const localCache = new LRUCache<string, LocalInstant>({ max: 50_000 });

function localInstant(instant: Date, timeZone: string): LocalInstant {
  const key = `${timeZone}|${instant.getTime()}`;
  let known = localCache.get(key);
  if (!known) {
    known = { local: computeLocal(instant, timeZone) };
    localCache.set(key, known);
  }
  return known;
}

/** The wall-clock date and time of an instant in a zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  return { ...localInstant(instant, timeZone).local };
}

function computeLocal(instant: Date, timeZone: string): LocalDateTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Minutes east of UTC for the zone at that instant. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60_000);
}

/** The instant at which the zone's wall clock shows the given local time (earliest on a DST overlap). */
export function fromLocal(local: LocalDate & Partial<LocalDateTime>, timeZone: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  let offset = offsetMinutes(new Date(guess), timeZone);
  let result = guess - offset * 60_000;
  const second = offsetMinutes(new Date(result), timeZone);
  if (second !== offset) {
    offset = second;
    result = guess - offset * 60_000;
  }
  return new Date(result);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isValidLocalDate(date: LocalDate): boolean {
  return (
    Number.isInteger(date.year) &&
    date.year >= 1900 &&
    date.year <= 9999 &&
    date.month >= 1 &&
    date.month <= 12 &&
    date.day >= 1 &&
    date.day <= daysInMonth(date.year, date.month)
  );
}

/** [start, end) in UTC of a local calendar day. */
export function dayRange(date: LocalDate, timeZone: string): { start: Date; end: Date } {
  return { start: fromLocal(date, timeZone), end: fromLocal(addDays(date, 1), timeZone) };
}

/** [start, end) in UTC of a local calendar month. */
export function monthRange(year: number, month: number, timeZone: string): { start: Date; end: Date } {
  const next = addMonths(year, month, 1);
  return { start: fromLocal({ year, month, day: 1 }, timeZone), end: fromLocal({ ...next, day: 1 }, timeZone) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function localDateKey(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `2024-04-11T10:54:00+03:00`: the instant with the zone's offset, for <time datetime> and JSON-LD. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const known = localInstant(instant, timeZone);
  if (known.iso === undefined) {
    const l = known.local;
    const off = offsetMinutes(instant, timeZone);
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off);
    known.iso = `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  return known.iso;
}

/** `11.04.2024 10:54` in the zone. */
export function formatDayTime(instant: Date, timeZone: string): string {
  const known = localInstant(instant, timeZone);
  if (known.dayTime === undefined) {
    const l = known.local;
    known.dayTime = `${pad(l.day)}.${pad(l.month)}.${pad(l.year, 4)} ${pad(l.hour)}:${pad(l.minute)}`;
  }
  return known.dayTime;
}

/** `11.04.2024 10:54 (Moscow time), Moscow` — the dateline under a headline. */
export function formatDateline(instant: Date, timeZone: string, zoneLabel: string, city: string | null): string {
  const when = `${formatDayTime(instant, timeZone)} (${zoneLabel})`;
  return city ? `${when}, ${city}` : when;
}
