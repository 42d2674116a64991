/** The archive calendar as the page chrome shows it beside every public page. */
import { h, type Html } from '../../lib/html.js';
import type { Lang } from '../../lib/i18n.js';
import type { Dependencies } from '../../lib/dependencies.js';
import type { MonthRef, PageContext } from '../../web/layout/context.js';
import type { ArchiveService } from './service.js';
import { Calendar } from './views.js';

export function calendarSidebar(archive: ArchiveService) {
  return async (lang: Lang, month: MonthRef | undefined): Promise<{ render: (ctx: Pick<PageContext, 'tr' | 'lang' | 'prefix'>) => Html; deps: Dependencies }> => {
    const today = archive.today();
    const read = await archive.calendar(lang, month ?? { year: today.year, month: today.month });
    return { render: (ctx) => <Calendar ctx={ctx} model={read.model} />, deps: read.deps };
  };
}
