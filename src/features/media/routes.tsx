/**
 * The media library in the back office: a page to upload, describe and delete images, and a small JSON API the
 * article editor calls to upload an image and to pick a recent one. Registered in the admin scope, which checks the
 * staff member's right to the route's action before any handler here runs, and the CSRF token of every form but the
 * uploads, whose token arrives inside the multipart body (the upload reader checks it before it reads the file).
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
import { can, type Action } from '../accounts/policy.js';
import { SIZES } from './rules.js';
import type { MediaItem, MediaService } from './service.js';
import { MEDIA_ERRORS, MEDIA_TEXT } from './text.js';
import { readUpload } from './upload.js';
import { MediaPage } from './views.js';

export interface MediaRoutesDeps {
  pages: AdminPages;
  media: MediaService;
}

const DONE_KEYS = ['uploaded', 'saved', 'deleted'] as const;
type Done = (typeof DONE_KEYS)[number];

/** A page of the library: a whole number from 1; anything else is the first page. */
const pageNumber = z.coerce.number().int().min(1).catch(1);
const libraryQuery = z.object({ page: pageNumber, ok: z.enum(DONE_KEYS).optional().catch(undefined) });
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
/** The page of the library a form was sent from, to go back to. */
const pageForm = formSchema({ page: pageNumber });
const textForm = formSchema({ page: pageNumber, caption: formText, credit: formText, alt: formText });
/** The editor's picker: words to look for (up to 200 characters) and how many images (30 unless it says, at most 100). */
const pickerQuery = z.object({
  q: z
    .string()
    .catch('')
    .transform((q) => q.slice(0, 200)),
  limit: z.coerce
    .number()
    .int()
    .catch(30)
    .transform((n) => Math.min(Math.max(n || 30, 1), 100)),
});

/** The JSON the editor gets for an image. */
function mediaJson(item: MediaItem) {
  return {
    id: item.id,
    url: item.url,
    width: item.width,
    height: item.height,
    mime: item.mime,
    srcset: item.srcset ?? null,
    sizes: item.srcset ? SIZES.column : null,
    thumbnail: item.thumbnail,
    caption: item.caption,
    credit: item.credit,
    alt: item.alt,
  };
}

/** After a change: back to the page of the library it was made on, with a confirmation (and the image in view). */
const back = (page: number, done: Done, id?: number) => `/admin/media/?${page > 1 ? `page=${page}&` : ''}ok=${done}${id ? `#image-${id}` : ''}`;

/** The editor's script must not reuse an answer of the API, its refusals included. */
const noStore = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('cache-control', 'no-store');
};

export const mediaRoutes: FastifyPluginAsync<MediaRoutesDeps> = async (scope, { pages, media }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  async function library(request: FastifyRequest, reply: FastifyReply, { page = 1, status = 200, error, done }: { page?: number; status?: number; error?: DomainError; done?: Done }) {
    const ctx = pages.context(request, reply);
    const t = MEDIA_TEXT[ctx.lang];
    const list = await media.list(page);
    const canDelete = can(staffMember(request), 'media.delete');
    const shownError = error ? errorText(ctx.lang, MEDIA_ERRORS, error) : undefined;
    return pages.send(reply, <MediaPage ctx={ctx} t={t} list={list} canDelete={canDelete} timeZone={request.settings.timeZone} error={shownError} done={done && t[done]} />, status);
  }

  /** A form of the library page: the action it needs, and on a refusal the page again (the one it was sent from) with the reason. */
  const form = (access: Action) => ({
    access,
    errorTexts: MEDIA_ERRORS,
    onRefused: (error: DomainError, request: FastifyRequest, reply: FastifyReply) => library(request, reply, { page: pageForm.parse(request.body).page, status: ERROR_CATALOGUE[error.code].status, error }),
  });
  /** The editor's JSON API: refusals in JSON, in the library's words. */
  const api = { api: true, errorTexts: MEDIA_ERRORS, access: 'media.upload' as const };
  const upload = (request: FastifyRequest) => readUpload(request, (token) => pages.verifyCsrf(request, token));

  app.get('/admin/media/', { schema: { querystring: libraryQuery }, config: { access: 'media.upload' } }, (request, reply) =>
    library(request, reply, { page: request.query.page, done: request.query.ok }),
  );

  app.post('/admin/media/upload', { config: { ...form('media.upload'), csrfInBody: true } }, async (request, reply) => {
    await media.upload(staffMember(request), await upload(request));
    return reply.redirect(back(1, 'uploaded'), 303);
  });

  app.post('/admin/media/:id', { schema: { params: idParams, body: textForm }, config: form('media.upload') }, async (request, reply) => {
    const { page, caption, credit, alt } = request.body;
    await media.update(staffMember(request), request.params.id, { caption, credit, alt });
    return reply.redirect(back(page, 'saved', request.params.id), 303);
  });

  app.post('/admin/media/:id/delete', { schema: { params: idParams, body: pageForm }, config: form('media.delete') }, async (request, reply) => {
    await media.delete(staffMember(request), request.params.id);
    return reply.redirect(back(request.body.page, 'deleted'), 303);
  });

  app.post('/admin/api/media', { onRequest: noStore, config: { ...api, csrfInBody: true } }, async (request, reply) => {
    const item = await media.upload(staffMember(request), await upload(request));
    return reply.code(201).send(mediaJson(item));
  });

  app.get('/admin/api/media', { onRequest: noStore, schema: { querystring: pickerQuery }, config: api }, async (request, reply) => {
    const items = await media.search(request.query.q, request.query.limit);
    return reply.send({ items: items.map(mediaJson) });
  });
};
