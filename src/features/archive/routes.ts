/** Day and month archives: /2024/04/ and /2024/04/11/, with boundaries in the site's zone. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatLongDate, langPrefix, monthName, translator, type Lang } from '../../lib/i18n.js';
import { dayRange, isValidLocalDate, monthRange } from '../../lib/time.js';
import { Dependencies } from '../../lib/dependencies.js';
import type { Site } from '../../web/public/site.js';
import { pageQuery } from '../../web/public/list-page.js';
import type { ArticleLists } from '../articles/reader.js';
import { sendArticleList } from '../articles/pages.js';
import { dayPath, monthPath } from './paths.js';

/** A date that does not exist in the calendar (a 13th month, 29 February 2023) names nothing: 404. */
const monthParams = z
  .object({ year: z.coerce.number().int(), month: z.coerce.number().int() })
  .refine(({ year, month }) => isValidLocalDate({ year, month, day: 1 }));
const dayParams = z.object({ year: z.coerce.number().int(), month: z.coerce.number().int(), day: z.coerce.number().int() }).refine(isValidLocalDate);

/** The articles published in [start, end), and the span as the list that their pages depend on. */
const within = (lang: Lang, range: { start: Date; end: Date }) => {
  const from = range.start.toISOString();
  const to = range.end.toISOString();
  return { filter: { lang, from, to }, list: new Dependencies().span(from, to) };
};

export interface ArchiveRoutesDeps {
  site: Site;
  articles: ArticleLists;
}

export const archiveRoutes: FastifyPluginAsync<ArchiveRoutesDeps> = async (scope, { site, articles }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/:year(^\\d{4})/:month(^\\d{2})/', { schema: { params: monthParams, querystring: pageQuery } }, async (request, reply) => {
    const { lang, settings } = request;
    const { year, month } = request.params;
    return sendArticleList(site, articles, request, reply, {
      page: request.query.page,
      path: monthPath(langPrefix(lang, settings.locale), year, month),
      title: translator(lang).t('monthTitle', { month: monthName(lang, month).toLowerCase(), year }),
      month: { year, month },
      ...within(lang, monthRange(year, month, settings.timeZone)),
    });
  });

  app.get('/:year(^\\d{4})/:month(^\\d{2})/:day(^\\d{2})/', { schema: { params: dayParams, querystring: pageQuery } }, async (request, reply) => {
    const { lang, settings } = request;
    const { year, month, day } = request.params;
    return sendArticleList(site, articles, request, reply, {
      page: request.query.page,
      path: dayPath(langPrefix(lang, settings.locale), year, month, day),
      title: translator(lang).t('dayTitle', { date: formatLongDate(lang, year, month, day) }),
      month: { year, month },
      ...within(lang, dayRange({ year, month, day }, settings.timeZone)),
    });
  });
};
