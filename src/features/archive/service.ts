/**
 * Calendar and archive queries. Calendar models are memoised per language and month and dropped on
 * every article or settings event, so a page rendered without the page cache still costs no query here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import type { Lang } from '../../lib/i18n.js';
import { monthRange, toLocal, type LocalDate } from '../../lib/time.js';
import { earliestFrom, latestBefore, publishedInstants } from '../articles/store.js';
import type { SiteSettings } from '../settings/rules.js';
import { buildCalendar, countByLocalDay, type CalendarModel, type MonthRef } from './rules.js';

export class ArchiveService {
  private memo = new Map<string, Promise<CalendarModel>>();

  constructor(
    private readonly db: Kysely<Database>,
    events: EventBus,
    private readonly settings: () => SiteSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    events.on(() => this.memo.clear());
  }

  today(): LocalDate {
    return toLocal(this.now(), this.settings().timeZone);
  }

  calendar(lang: Lang, month: MonthRef): Promise<CalendarModel> {
    const today = this.today();
    const key = `${lang}:${month.year}-${month.month}:${today.year}-${today.month}-${today.day}`;
    let model = this.memo.get(key);
    if (!model) {
      model = this.computeCalendar(lang, month, today);
      model.catch(() => this.memo.delete(key));
      if (this.memo.size > 500) this.memo.clear();
      this.memo.set(key, model);
    }
    return model;
  }

  private async computeCalendar(lang: Lang, month: MonthRef, today: LocalDate): Promise<CalendarModel> {
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
    return buildCalendar({
      month,
      weekStart,
      counts: countByLocalDay(instants, timeZone),
      today,
      previous: monthOf(before),
      next: monthOf(after),
    });
  }
}
