/** Pure rules of the dashboard: which local days a "most read" window covers. */
import { addDays, localDateKey, toLocal } from '../../lib/time.js';

/**
 * The local days (YYYY-MM-DD in the site's zone) that the window of the last `hours` hours touches,
 * oldest first. Views are stored per local day, so a window counts every day it overlaps: "24 hours"
 * at 10:00 is yesterday and today, and never misses a view made inside the window.
 */
export function windowDayKeys(now: Date, timeZone: string, hours: number): string[] {
  const first = toLocal(new Date(now.getTime() - hours * 3600_000), timeZone);
  const lastKey = localDateKey(toLocal(now, timeZone));
  const keys: string[] = [];
  for (let day = { year: first.year, month: first.month, day: first.day }; keys.length < 400; day = addDays(day, 1)) {
    const key = localDateKey(day);
    keys.push(key);
    if (key === lastKey) break;
  }
  return keys;
}
