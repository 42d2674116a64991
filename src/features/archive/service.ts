/**
 * Calendar and archive queries. Calendar models are memoised per language and month, each with the span of
 * publication instants it was read from (from the latest article before the month to the earliest after it, as
 * its links to those months show), and dropped when an article enters or leaves that span or the settings change,
 * so a page rendered without the page cache still costs no query here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { EventMemo } from '../../lib/memo.js';
import { Dependencies } from '../../lib/dependencies.js';
import type { Lang } from '../../lib/i18n.js';
import { dayRange, monthRange, toLocal, type LocalDate } from '../../lib/time.js';
import { earliestFrom, latestBefore, publishedInstants } from '../articles/store.js';
import type { SiteSettings } from '../../lib/site-settings.js';
import { buildCalendar, countByLocalDay, type CalendarModel, type MonthRef } from './rules.js';

/** A calendar and what it was read from. */
export interface CalendarRead {
  model: CalendarModel;
  deps: Dependencies;
}

export class ArchiveService {
  private readonly memo: EventMemo<CalendarRead>;

  constructor(
    private readonly db: Kysely<Database>,
    events: EventBus,
    private readonly settings: () => SiteSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.memo = new EventMemo(events, (read) => read.deps, 500);
  }

  private day: { zone: string; start: number; end: number; date: LocalDate } | null = null;

  /** The site's current local day, recomputed only when the clock leaves it or the zone changes. */
  private currentDay() {
    const zone = this.settings().timeZone;
    const now = this.now().getTime();
    if (!this.day || this.day.zone !== zone || now >= this.day.end || now < this.day.start) {
      const date = toLocal(new Date(now), zone);
      const range = dayRange(date, zone);
      this.day = { zone, start: range.start.getTime(), end: range.end.getTime(), date };
    }
    return this.day;
  }

  today(): LocalDate {
    return this.currentDay().date;
  }

  /** When today ends in the site's zone (epoch ms): cached pages that mark "today" expire then. */
  todayEndsAt(): number {
    return this.currentDay().end;
  }

  calendar(lang: Lang, month: MonthRef): Promise<CalendarRead> {
    const today = this.today();
    const key = `${lang}:${month.year}-${month.month}:${today.year}-${today.month}-${today.day}`;
    return this.memo.get(key, () => this.computeCalendar(lang, month, today));
  }

  private async computeCalendar(lang: Lang, month: MonthRef, today: LocalDate): Promise<CalendarRead> {
    const { timeZone, weekStart } = this.settings();
    const range = monthRange(month.year, month.month, timeZone);
    const [instants, before, after] = await Promise.all([
      publishedInstants(this.db, lang, range.start.toISOString(), range.end.toISOString()),
      latestBefore(this.db, lang, range.start.toISOString()),
      earliestFrom(this.db, lang, range.end.toISOString()),
    ]);
    const monthOf = (at: string | null): MonthRef | null => {
      if (!at) return null;
      const l = toLocal(new Date(at), timeZone);
      return { year: l.year, month: l.month };
    };
    const model = buildCalendar({
      month,
      weekStart,
      counts: countByLocalDay(instants, timeZone),
      today,
      previous: monthOf(before),
      next: monthOf(after),
    });
    return { model, deps: new Dependencies().span(before, after) };
  }
}
