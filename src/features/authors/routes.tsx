/**
 * Author profiles in the back office: the list (/admin/authors/), a new profile, and editing one. Registered in the
 * admin scope, which checks the CSRF token and the staff member's right to `authors.manage` before any handler here
 * runs.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from '../../lib/html.js';
import type { DomainError } from '../../lib/errors.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import type { AdminPages } from '../../web/admin/pages.js';
import { formSchema, formText } from '../../web/admin/fields.js';
import { errorText } from '../../web/admin/error-text.js';
import { staffMember } from '../accounts/access.js';
import { chosenPhoto, EMPTY_PROFILE, inputOf, valuesFromForm, valuesOf, type ProfileValues } from './form.js';
import type { AuthorService } from './service.js';
import type { AuthorRow } from './store.js';
import { AUTHOR_ERRORS, AUTHOR_TEXT } from './text.js';
import { AuthorsPage, EditAuthorPage, NewAuthorPage } from './views.js';

export interface AuthorRoutesDeps {
  pages: AdminPages;
  authors: AuthorService;
}

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
/** A confirmation in the address after a redirect: any value but an empty one. */
const flag = formText.transform((v) => v !== '');
const doneQuery = z.object({ created: flag, saved: flag });
const profileForm = formSchema({
  name: formText,
  name_en: formText,
  slug: formText,
  role_title: formText,
  role_title_en: formText,
  bio: formText,
  bio_en: formText,
  photo: formText,
});

export const authorRoutes: FastifyPluginAsync<AuthorRoutesDeps> = async (scope, { pages, authors }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const access = 'authors.manage' as const;

  const statusOf = (error?: DomainError) => (error ? ERROR_CATALOGUE[error.code].status : 200);
  const sentValues = (request: FastifyRequest) => valuesFromForm(profileForm.parse(request.body));

  async function newPage(request: FastifyRequest, reply: FastifyReply, values: ProfileValues, error?: DomainError) {
    const ctx = pages.context(request, reply);
    const images = await authors.photoChoices(staffMember(request), chosenPhoto(values));
    const shownError = error ? errorText(ctx.lang, AUTHOR_ERRORS, error) : undefined;
    return pages.send(reply, <NewAuthorPage ctx={ctx} t={AUTHOR_TEXT[ctx.lang]} values={values} images={images} error={shownError} />, statusOf(error));
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, author: AuthorRow, values: ProfileValues, options: { error?: DomainError; done?: 'created' | 'saved' }) {
    const ctx = pages.context(request, reply);
    const t = AUTHOR_TEXT[ctx.lang];
    const images = await authors.photoChoices(staffMember(request), chosenPhoto(values));
    const shownError = options.error ? errorText(ctx.lang, AUTHOR_ERRORS, options.error) : undefined;
    const done = options.done && t[options.done];
    return pages.send(reply, <EditAuthorPage ctx={ctx} t={t} author={author} values={values} images={images} error={shownError} done={done} />, statusOf(options.error));
  }

  /** A profile that was not saved: its form again with the reason and what was typed (or not found, when there is no such profile). */
  async function editRefused(error: DomainError, request: FastifyRequest, reply: FastifyReply) {
    if (error.code === 'NOT_FOUND') return pages.notFound(request, reply);
    const author = await authors.get(staffMember(request), idParams.parse(request.params).id);
    return editPage(request, reply, author, sentValues(request), { error });
  }

  app.get('/admin/authors/', { config: { access } }, async (request, reply) => {
    const ctx = pages.context(request, reply);
    const list = await authors.list(staffMember(request));
    return pages.send(reply, <AuthorsPage ctx={ctx} t={AUTHOR_TEXT[ctx.lang]} authors={list} />);
  });

  app.get('/admin/authors/new', { config: { access } }, (request, reply) => newPage(request, reply, EMPTY_PROFILE));

  const createConfig = { access, errorTexts: AUTHOR_ERRORS, onRefused: (error: DomainError, request: FastifyRequest, reply: FastifyReply) => newPage(request, reply, sentValues(request), error) };
  app.post('/admin/authors/new', { schema: { body: profileForm }, config: createConfig }, async (request, reply) => {
    const id = await authors.create(staffMember(request), inputOf(valuesFromForm(request.body)));
    return reply.redirect(`/admin/authors/${id}?created=1`, 303);
  });

  app.get('/admin/authors/:id', { schema: { params: idParams, querystring: doneQuery }, config: { access } }, async (request, reply) => {
    const author = await authors.get(staffMember(request), request.params.id);
    const { created, saved } = request.query;
    return editPage(request, reply, author, valuesOf(author), { done: created ? 'created' : saved ? 'saved' : undefined });
  });

  app.post('/admin/authors/:id', { schema: { params: idParams, body: profileForm }, config: { access, errorTexts: AUTHOR_ERRORS, onRefused: editRefused } }, async (request, reply) => {
    const user = staffMember(request);
    // A profile that does not exist is not found, whatever was sent for it.
    const { id } = await authors.get(user, request.params.id);
    await authors.update(user, id, inputOf(valuesFromForm(request.body)));
    return reply.redirect(`/admin/authors/${id}?saved=1`, 303);
  });
};
