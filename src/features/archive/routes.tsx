/** Day and month archives: /2024/04/ and /2024/04/11/, with boundaries in the site's zone. */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { z } from 'zod';
import { formatLongDate, monthName, translator } from '../../lib/i18n.js';
import { dayRange, isValidLocalDate, monthRange } from '../../lib/time.js';
import type { Site } from '../../web/public/site.js';
import { sendListPage } from '../articles/routes.js';
import { langPrefix } from '../../lib/i18n.js';
import { dayPath, monthPath } from './paths.js';
import { Dependencies } from '../../lib/dependencies.js';

const monthParams = z.object({ year: z.coerce.number().int(), month: z.coerce.number().int() });
const dayParams = monthParams.extend({ day: z.coerce.number().int() });

export interface ArchiveRoutesDeps {
  site: Site;
  db: Kysely<Database>;
}

export const archiveRoutes: FastifyPluginAsync<ArchiveRoutesDeps> = async (scope, { site, db }) => {
  scope.get('/:year(^\\d{4})/:month(^\\d{2})/', async (request, reply) => {
    const { lang } = request;
    const { year, month } = monthParams.parse(request.params);
    if (!isValidLocalDate({ year, month, day: 1 })) return site.sendError(request, reply, lang, 404);
    const settings = request.settings;
    const range = monthRange(year, month, settings.timeZone);
    const tr = translator(lang);
    return sendListPage(site, db, request, reply, {
      lang,
      path: monthPath(langPrefix(lang, settings.locale), year, month),
      title: tr.t('monthTitle', { month: monthName(lang, month).toLowerCase(), year }),
      filter: { lang, from: range.start.toISOString(), to: range.end.toISOString() },
      list: new Dependencies().span(range.start.toISOString(), range.end.toISOString()),
      month: { year, month },
    });
  });

  scope.get('/:year(^\\d{4})/:month(^\\d{2})/:day(^\\d{2})/', async (request, reply) => {
    const { lang } = request;
    const { year, month, day } = dayParams.parse(request.params);
    if (!isValidLocalDate({ year, month, day })) return site.sendError(request, reply, lang, 404);
    const settings = request.settings;
    const range = dayRange({ year, month, day }, settings.timeZone);
    const tr = translator(lang);
    return sendListPage(site, db, request, reply, {
      lang,
      path: dayPath(langPrefix(lang, settings.locale), year, month, day),
      title: tr.t('dayTitle', { date: formatLongDate(lang, year, month, day) }),
      filter: { lang, from: range.start.toISOString(), to: range.end.toISOString() },
      list: new Dependencies().span(range.start.toISOString(), range.end.toISOString()),
      month: { year, month },
    });
  });
};
