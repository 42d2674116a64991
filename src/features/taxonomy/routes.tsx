/**
 * The rubrics-and-tags page of the back office (/admin/taxonomy/) and its forms. Registered in the admin scope, which
 * checks the CSRF token and the staff member's right to `taxonomy.manage` before any handler here runs.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from '../../lib/html.js';
import { LANGS } from '../../lib/i18n.js';
import type { DomainError } from '../../lib/errors.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import type { AdminPages } from '../../web/admin/pages.js';
import { formSchema, formText } from '../../web/admin/fields.js';
import { errorText } from '../../web/admin/error-text.js';
import { staffMember } from '../accounts/access.js';
import type { TaxonomyService } from './service.js';
import { DONE_KEYS, TAXONOMY_ERRORS, TAXONOMY_TEXT, type Done } from './text.js';
import { listSearch, TaxonomyPage } from './views.js';

export interface TaxonomyRoutesDeps {
  pages: AdminPages;
  taxonomy: TaxonomyService;
}

const listQuery = z.object({
  q: z.string().max(120).catch(''),
  lang: z.enum(LANGS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  done: z.string().optional().catch(undefined),
});
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const rubricForm = formSchema({ name: formText, name_en: formText, slug: formText, is_flag: formText });
const moveForm = formSchema({ direction: formText });
const tagForm = formSchema({ name: formText, slug: formText });
const mergeForm = formSchema({ into: formText });

/** An optional address typed in a form: blank means "make one from the name". */
const slugOrNone = (slug: string) => slug.trim() || undefined;

export const taxonomyRoutes: FastifyPluginAsync<TaxonomyRoutesDeps> = async (scope, { pages, taxonomy }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  async function page(request: FastifyRequest, reply: FastifyReply, status = 200, error?: DomainError) {
    const user = staffMember(request);
    const ctx = pages.context(request, reply);
    const t = TAXONOMY_TEXT[ctx.lang];
    const query = listQuery.parse(request.query ?? {});
    const [rubrics, tags] = await Promise.all([taxonomy.listRubrics(user), taxonomy.searchTags(user, { q: query.q, lang: query.lang, page: query.page })]);
    const done = DONE_KEYS.includes(query.done as Done) ? t.done[query.done as Done] : undefined;
    const shownError = error ? errorText(ctx.lang, TAXONOMY_ERRORS, error) : undefined;
    return pages.send(reply, <TaxonomyPage ctx={ctx} t={t} rubrics={rubrics} tags={tags} query={query} locale={request.settings.locale} error={shownError} done={done} />, status);
  }

  /** Every form here: the role it needs, and on a refusal the page again with the reason. */
  const form = { access: 'taxonomy.manage' as const, errorTexts: TAXONOMY_ERRORS, onRefused: (error: DomainError, request: FastifyRequest, reply: FastifyReply) => page(request, reply, ERROR_CATALOGUE[error.code].status, error) };

  /** After a change: back to the list, its search kept, with a confirmation. */
  function changed(request: FastifyRequest, reply: FastifyReply, done: Done, anchor: string) {
    const query = listQuery.parse(request.query ?? {});
    return reply.redirect(`/admin/taxonomy/${listSearch({ ...query, done: undefined }, { done })}${anchor}`, 303);
  }

  app.get('/admin/taxonomy/', { config: { access: 'taxonomy.manage' } }, (request, reply) => page(request, reply));

  app.post('/admin/taxonomy/rubrics', { schema: { body: rubricForm }, config: form }, async (request, reply) => {
    const { name, name_en, slug, is_flag } = request.body;
    await taxonomy.createRubric(staffMember(request), { name, nameEn: name_en, slug: slugOrNone(slug), isFlag: is_flag === '1' });
    return changed(request, reply, 'created', '#rubrics-heading');
  });

  app.post('/admin/taxonomy/rubrics/:id', { schema: { params: idParams, body: rubricForm }, config: form }, async (request, reply) => {
    const { name, name_en, slug } = request.body;
    await taxonomy.renameRubric(staffMember(request), request.params.id, { name, nameEn: name_en, slug: slugOrNone(slug) });
    return changed(request, reply, 'renamed', '#rubrics-heading');
  });

  app.post('/admin/taxonomy/rubrics/:id/move', { schema: { params: idParams, body: moveForm }, config: form }, async (request, reply) => {
    await taxonomy.moveRubric(staffMember(request), request.params.id, request.body.direction === 'down' ? 'down' : 'up');
    return changed(request, reply, 'moved', '#rubrics-heading');
  });

  app.post('/admin/taxonomy/rubrics/:id/delete', { schema: { params: idParams }, config: form }, async (request, reply) => {
    await taxonomy.deleteRubric(staffMember(request), request.params.id);
    return changed(request, reply, 'deleted', '#rubrics-heading');
  });

  app.post('/admin/taxonomy/tags/:id', { schema: { params: idParams, body: tagForm }, config: form }, async (request, reply) => {
    await taxonomy.renameTag(staffMember(request), request.params.id, { name: request.body.name, slug: slugOrNone(request.body.slug) });
    return changed(request, reply, 'renamed', '#tags');
  });

  app.post('/admin/taxonomy/tags/:id/merge', { schema: { params: idParams, body: mergeForm }, config: form }, async (request, reply) => {
    await taxonomy.mergeTagInto(staffMember(request), request.params.id, request.body.into);
    return changed(request, reply, 'merged', '#tags');
  });
};
