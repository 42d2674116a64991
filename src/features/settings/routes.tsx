/**
 * The settings page of the back office (/admin/settings/): every setting of the reading site, owner only. Registered
 * in the admin scope, which checks the CSRF token and the member's right to `settings.manage` first.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from '../../lib/html.js';
import type { DomainError } from '../../lib/errors.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import type { AdminPages } from '../../web/admin/pages.js';
import { formChanges, formValuesOf, readSettingsForm, settingsFormBody, type SettingsFormValues } from './form.js';
import { SettingsValidationError, type SettingProblem } from './rules.js';
import type { SettingsService } from './service.js';
import { SettingsPage } from './views.js';

export interface SettingsRoutesDeps {
  pages: AdminPages;
  /** Saving only: the page reads the request's settings snapshot. */
  settings: Pick<SettingsService, 'setMany'>;
}

const doneQuery = z.object({ saved: z.string().optional().catch(undefined), unchanged: z.string().optional().catch(undefined) });

export const settingsRoutes: FastifyPluginAsync<SettingsRoutesDeps> = async (scope, { pages, settings }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  function page(request: FastifyRequest, reply: FastifyReply, values: SettingsFormValues, status = 200, problems: SettingProblem[] = []) {
    const { saved, unchanged } = doneQuery.parse(request.query ?? {});
    const done = saved ? 'saved' : unchanged ? 'unchanged' : undefined;
    return pages.send(reply, <SettingsPage ctx={pages.context(request, reply)} values={values} problems={problems} done={done} />, status);
  }

  /** A refused form: the page again with what was sent, each problem named and its field marked. */
  async function refused(error: DomainError, request: FastifyRequest, reply: FastifyReply) {
    const status = ERROR_CATALOGUE[error.code].status;
    if (!(error instanceof SettingsValidationError)) return pages.refused(request, reply, error, status);
    return page(request, reply, readSettingsForm(settingsFormBody.parse(request.body)), status, error.problems);
  }

  app.get('/admin/settings/', { schema: { querystring: doneQuery }, config: { access: 'settings.manage' } }, (request, reply) =>
    page(request, reply, formValuesOf(request.settings)),
  );

  app.post('/admin/settings/', { schema: { body: settingsFormBody }, config: { access: 'settings.manage', onRefused: refused } }, async (request, reply) => {
    const changes = formChanges(request.settings, readSettingsForm(request.body));
    await settings.setMany(changes);
    return reply.redirect(Object.keys(changes).length ? '/admin/settings/?saved=1' : '/admin/settings/?unchanged=1', 303);
  });
};
