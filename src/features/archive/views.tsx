import { h, Fragment, fragmentMemo, type Html } from '../../lib/html.js';
import { formatLongDate, monthName, weekdayLong, weekdayShort } from '../../lib/i18n.js';
import type { PageContext } from '../../web/layout/context.js';
import type { CalendarModel } from './rules.js';
import { dayPath, monthPath } from './paths.js';

const rendered = fragmentMemo<CalendarModel>();

/** What the calendar needs of the page: its language and address prefix. */
type CalendarContext = Pick<PageContext, 'tr' | 'lang' | 'prefix'>;

/**
 * The monthly archive calendar. Its markup depends only on the model (memoised until the next event or
 * midnight) and the language, so it is rendered once per model and language.
 */
export function Calendar({ ctx, model }: { ctx: CalendarContext; model: CalendarModel }): Html {
  return rendered(model, `${ctx.lang}|${ctx.prefix}`, () => CalendarTable({ ctx, model }));
}

/** A real table, days with articles linked, today marked. Works without JS. */
function CalendarTable({ ctx, model }: { ctx: CalendarContext; model: CalendarModel }): Html {
  const { tr, lang, prefix } = ctx;
  const caption = tr.t('calendarCaption', { month: monthName(lang, model.month), year: model.year });
  return (
    <section class="calendar" aria-label={tr.t('archive')}>
      <table>
        <caption>
          <a href={monthPath(prefix, model.year, model.month)}>{caption}</a>
        </caption>
        <thead>
          <tr>
            {model.weekdays.map((d) => (
              <th scope="col" abbr={weekdayLong(lang, d)}>
                {weekdayShort(lang, d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.weeks.map((week) => (
            <tr>
              {week.map((cell) => {
                if (!cell) return <td class="empty"></td>;
                const label = `${formatLongDate(lang, model.year, model.month, cell.day)}: ${tr.plural('articlesCount', cell.count)}`;
                const content =
                  cell.count > 0 ? (
                    <a href={dayPath(prefix, model.year, model.month, cell.day)} aria-label={cell.isToday ? `${label} (${tr.t('today')})` : label}>
                      {cell.day}
                    </a>
                  ) : (
                    <>{cell.day}</>
                  );
                return (
                  <td class={cell.isToday ? 'today' : cell.count > 0 ? 'has-articles' : undefined} aria-current={cell.isToday ? 'date' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="calendar-nav" aria-label={tr.t('archive')}>
        {model.previous ? (
          <a
            class="calendar-prev"
            rel="prev"
            href={monthPath(prefix, model.previous.year, model.previous.month)}
            aria-label={tr.t('previousMonth', { month: monthName(lang, model.previous.month), year: model.previous.year })}
          >
            ← {monthName(lang, model.previous.month)}
          </a>
        ) : null}
        {model.next ? (
          <a
            class="calendar-next"
            rel="next"
            href={monthPath(prefix, model.next.year, model.next.month)}
            aria-label={tr.t('nextMonth', { month: monthName(lang, model.next.month), year: model.next.year })}
          >
            {monthName(lang, model.next.month)} →
          </a>
        ) : null}
      </nav>
    </section>
  );
}
