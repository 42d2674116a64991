/**
 * The dashboard at /admin/, for every staff member: the panels their role concerns. Registered in the admin scope,
 * which lets only signed-in staff through.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { h } from '../../lib/html.js';
import type { AdminPages } from '../../web/admin/pages.js';
import { staffMember } from '../accounts/access.js';
import type { DashboardQueries } from './service.js';
import { DashboardPage } from './views.js';

export interface DashboardRoutesDeps {
  pages: AdminPages;
  dashboard: DashboardQueries;
  now: () => Date;
}

export const dashboardRoutes: FastifyPluginAsync<DashboardRoutesDeps> = async (scope, { pages, dashboard, now }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/admin/', { config: { access: 'dashboard.view' } }, async (request, reply) => {
    const member = staffMember(request);
    const { locale, timeZone } = request.settings;
    const panels = await dashboard.panels(member, now(), timeZone);
    return pages.send(reply, <DashboardPage ctx={pages.context(request, reply)} panels={panels} locale={locale} timeZone={timeZone} member={member.name} />);
  });
};
