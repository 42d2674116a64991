/**
 * The media library in the back office: a page to upload, describe and delete images, and a small JSON
 * API the article editor calls to upload an image and to pick a recent one.
 */
import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, Fragment } from '../../lib/html.js';
import { DomainError } from '../../lib/errors.js';
import { formatDayTime } from '../../lib/time.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { adminContext, field, formBody, requireApiStaff, requireStaff, sendAdmin, type AdminDeps } from '../../web/admin/kit.js';
import { Notice } from '../../web/admin/Notice.js';
import { errorText } from '../../web/admin/error-text.js';
import { can } from '../accounts/policy.js';
import { ACCEPT_ATTRIBUTE, scaledHeight, SIZES, TEXT_LIMITS, thumbnailOf } from './rules.js';

/** The multipart parser's file size limit (app.ts registers it with this). */
export { MAX_UPLOAD_BYTES } from './rules.js';
import type { MediaItem } from './service.js';
import { MEDIA_ERRORS, MEDIA_TEXT, type MediaText } from './text.js';

type Ok = 'uploaded' | 'saved' | 'deleted';
const OK_KEYS: readonly Ok[] = ['uploaded', 'saved', 'deleted'];

/** Limits of the multipart parser that mean "too large" (413), as opposed to a malformed request. */
const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);
const isTooLarge = (error: unknown) => typeof (error as { code?: unknown })?.code === 'string' && TOO_LARGE.has((error as { code: string }).code);

/** A body the multipart parser could not read: cut off, without its closing boundary, no boundary at all, and the like. */
class MalformedUpload extends Error {
  constructor(cause: unknown) {
    super('The upload could not be read: the multipart/form-data body is cut off or malformed. Send the file again.', { cause });
  }
}

interface Upload {
  fields: Record<string, string>;
  file: { buffer: Buffer; filename: string } | null;
}

/** The JSON the editor gets for an image. */
export function mediaJson(item: MediaItem) {
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

function Thumbnail({ item }: { item: MediaItem }) {
  const thumb = thumbnailOf(item.variants);
  const width = thumb ? thumb.width : item.width;
  const height = thumb ? scaledHeight(item, thumb.width) : item.height;
  return <img class="media-thumb" src={item.thumbnail} width={width} height={height} alt={item.alt} loading="lazy" decoding="async" />;
}

function TextFields({ t, item }: { t: MediaText; item?: MediaItem }) {
  return (
    <>
      <label>
        {t.caption}
        <input type="text" name="caption" value={item?.caption} maxlength={TEXT_LIMITS.caption} />
      </label>
      <label>
        {t.credit}
        {/* The hint stays visible while one types. */}
        {item ? null : <span class="help"> ({t.creditHint})</span>}
        <input type="text" name="credit" value={item?.credit} maxlength={TEXT_LIMITS.credit} />
      </label>
      <label>
        {t.alt}
        <input type="text" name="alt" value={item?.alt} maxlength={TEXT_LIMITS.alt} />
      </label>
    </>
  );
}

function MediaCard({ ctx, t, item, page, canDelete, timeZone }: { ctx: AdminContext; t: MediaText; item: MediaItem; page: number; canDelete: boolean; timeZone: string }) {
  const label = t.imageLabel(item.id);
  return (
    <li class="media-item" id={`image-${item.id}`}>
      <a href={item.url} class="media-original">
        <Thumbnail item={item} />
      </a>
      <p class="media-meta">
        {item.width}×{item.height} · {item.mime.replace(/^image\//, '').replace('svg+xml', 'svg').toUpperCase()} ·{' '}
        <time datetime={item.createdAt}>{formatDayTime(new Date(item.createdAt), timeZone)}</time>
        {item.alt ? null : <span class="media-warning"> · {t.noAlt}</span>}
      </p>
      <form method="post" action={`/admin/media/${item.id}`} class="stack media-edit" aria-label={`${t.save}: ${label}`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="page" value={page} />
        <TextFields t={t} item={item} />
        <button type="submit">{t.save}</button>
      </form>
      {canDelete ? (
        <form method="post" action={`/admin/media/${item.id}/delete`} class="inline-form media-delete">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="page" value={page} />
          <button type="submit" class="danger">
            {t.delete}
            <span class="visually-hidden"> {label}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}

export function mediaRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { csrf } = deps;
  const media = deps.services.media;
  const text = (ctx: AdminContext) => MEDIA_TEXT[ctx.lang];

  async function mediaPage(request: FastifyRequest, reply: FastifyReply, options: { page?: number; status?: number; error?: string; ok?: Ok } = {}) {
    const ctx = adminContext(deps, request, reply);
    const t = text(ctx);
    const user = request.user!;
    const list = await media.list(options.page ?? 1);
    const timeZone = deps.settings.get().timeZone;
    const pageLink = (p: number) => (p === 1 ? '/admin/media/' : `/admin/media/?page=${p}`);
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.title}>
        <h1>{t.title}</h1>
        {options.error ? <Notice kind="error">{options.error}</Notice> : null}
        {options.ok ? <Notice kind="ok">{t[options.ok]}</Notice> : null}
        <section class="media-upload" aria-labelledby="media-upload-heading">
          <h2 id="media-upload-heading">{t.uploadTitle}</h2>
          {/* _csrf comes first: the server checks it before it reads the file. */}
          <form method="post" action="/admin/media/upload" enctype="multipart/form-data" class="stack">
            <CsrfField ctx={ctx} />
            <label>
              {t.file}
              <input type="file" name="file" accept={ACCEPT_ATTRIBUTE} required />
            </label>
            <p class="help">{t.uploadHelp}</p>
            <TextFields t={t} />
            <p class="help">{t.altHint}</p>
            <button type="submit">{t.upload}</button>
          </form>
        </section>
        <section class="media-library" aria-labelledby="media-library-heading">
          <h2 id="media-library-heading">
            {t.library} ({list.total})
          </h2>
          {list.items.length === 0 ? (
            <p class="empty-list">{t.empty}</p>
          ) : (
            <ul class="media-grid">
              {list.items.map((item) => (
                <MediaCard ctx={ctx} t={t} item={item} page={list.page} canDelete={can(user, 'media.delete')} timeZone={timeZone} />
              ))}
            </ul>
          )}
          {list.pages > 1 ? (
            <nav class="pagination" aria-label={t.pagination}>
              {list.page > 1 ? (
                <a rel="prev" href={pageLink(list.page - 1)}>
                  {t.previous}
                </a>
              ) : null}
              <span>
                {t.page} {list.page} / {list.pages}
              </span>
              {list.page < list.pages ? (
                <a rel="next" href={pageLink(list.page + 1)}>
                  {t.next}
                </a>
              ) : null}
            </nav>
          ) : null}
        </section>
      </AdminLayout>,
      options.status ?? 200,
    );
  }

  const pageOf = (value: unknown) => {
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 ? n : 1;
  };
  const back = (page: number, ok: Ok, id?: number) => `/admin/media/?${page > 1 ? `page=${page}&` : ''}ok=${ok}${id ? `#image-${id}` : ''}`;
  const idOf = (request: FastifyRequest) => {
    const n = Number((request.params as { id: string }).id);
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  };

  const lang = () => deps.settings.get().locale;
  /** A domain error for a person reading the page or the editor's script, in the back office's language. */
  const errorMessage = (error: DomainError) => errorText(lang(), MEDIA_ERRORS, error);
  /** The editor's script shows the errors of the JSON API, so they answer in the library's words (app.ts). */
  const api = { config: { errorTexts: MEDIA_ERRORS } };
  const notFound = () => errorMessage(new DomainError('NOT_FOUND', 'There is no such image.'));

  /**
   * Reads a multipart upload. The CSRF token comes from the x-csrf-token header (the editor's fetch) or
   * from a `_csrf` field that precedes the file (the HTML form); nothing of the file is read before it checks.
   */
  async function readUpload(request: FastifyRequest): Promise<Upload> {
    if (!request.isMultipart()) throw new DomainError('VALIDATION', 'Send the image as multipart/form-data with a “file” field.', ['file: required']);
    let verified = false;
    const verify = (token?: string) => {
      if (token !== undefined) request.body = { _csrf: token };
      csrf.verify(request);
      verified = true;
    };
    if (typeof request.headers['x-csrf-token'] === 'string') verify();
    const fields: Record<string, string> = {};
    let file: Upload['file'] = null;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
          if (part.fieldname === '_csrf') {
            if (!verified) verify(value);
          } else if (!(part.fieldname in fields)) fields[part.fieldname] = value;
          continue;
        }
        if (!verified) verify();
        const buffer = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { buffer, filename: part.filename };
      }
    } catch (error) {
      // Whatever else the parser or the body stream throws is the client's body: a 400, not a fault of ours.
      if (error instanceof DomainError || isTooLarge(error)) throw error;
      throw new MalformedUpload(error);
    }
    if (!verified) verify();
    return { fields, file };
  }

  app.get('/admin/media/', async (request, reply) => {
    if (!requireStaff(deps, request, reply, 'media.upload')) return reply;
    const query = request.query as { page?: string; ok?: string };
    const ok = OK_KEYS.find((k) => k === query.ok);
    return mediaPage(request, reply, { page: pageOf(query.page), ok });
  });

  app.post('/admin/media/upload', async (request, reply) => {
    const user = requireStaff(deps, request, reply, 'media.upload');
    if (!user) return reply;
    const t = text(adminContext(deps, request, reply));
    try {
      const { fields, file } = await readUpload(request);
      if (!file) return await mediaPage(request, reply, { status: 400, error: t.noFile });
      await media.upload(user, { buffer: file.buffer, filename: file.filename, caption: fields.caption, credit: fields.credit, alt: fields.alt });
      return reply.redirect(back(1, 'uploaded'), 303);
    } catch (error) {
      if (isTooLarge(error)) return mediaPage(request, reply, { status: 413, error: t.tooLarge });
      if (error instanceof MalformedUpload) return mediaPage(request, reply, { status: 400, error: t.malformed });
      if (!(error instanceof DomainError) || error.code === 'CSRF' || error.code === 'BAD_ORIGIN') throw error;
      return mediaPage(request, reply, { status: ERROR_CATALOGUE[error.code].status, error: errorMessage(error) });
    }
  });

  app.post('/admin/media/:id', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply, 'media.upload');
    if (!user) return reply;
    const id = idOf(request);
    const body = formBody(request);
    const page = pageOf(field(body, 'page'));
    if (id === null) return mediaPage(request, reply, { page, status: 404, error: notFound() });
    try {
      await media.update(user, id, { caption: field(body, 'caption'), credit: field(body, 'credit'), alt: field(body, 'alt') });
      return reply.redirect(back(page, 'saved', id), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return mediaPage(request, reply, { page, status: ERROR_CATALOGUE[error.code].status, error: errorMessage(error) });
    }
  });

  app.post('/admin/media/:id/delete', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply, 'media.delete');
    if (!user) return reply;
    const id = idOf(request);
    const page = pageOf(field(formBody(request), 'page'));
    if (id === null) return mediaPage(request, reply, { page, status: 404, error: notFound() });
    try {
      await media.delete(user, id);
      return reply.redirect(back(page, 'deleted'), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return mediaPage(request, reply, { page, status: ERROR_CATALOGUE[error.code].status, error: errorMessage(error) });
    }
  });

  app.post('/admin/api/media', api, async (request, reply) => {
    const user = requireApiStaff(deps, request, 'media.upload');
    let upload: Upload;
    try {
      upload = await readUpload(request);
    } catch (error) {
      const t = MEDIA_TEXT[lang()];
      if (error instanceof MalformedUpload) return reply.code(400).header('cache-control', 'no-store').send({ error: { code: 'BAD_REQUEST', message: t.malformed } });
      if (!isTooLarge(error)) throw error;
      return reply.code(413).header('cache-control', 'no-store').send({ error: { code: 'PAYLOAD_TOO_LARGE', message: t.tooLarge } });
    }
    const { fields, file } = upload;
    if (!file) throw new DomainError('VALIDATION', 'Attach the image in a “file” field.', ['file: required']);
    const item = await media.upload(user, { buffer: file.buffer, filename: file.filename, caption: fields.caption, credit: fields.credit, alt: fields.alt });
    return reply.code(201).header('cache-control', 'no-store').send(mediaJson(item));
  });

  app.get('/admin/api/media', api, async (request, reply) => {
    requireApiStaff(deps, request, 'media.upload');
    const query = request.query as { q?: string; limit?: string };
    const limit = Math.min(Math.max(Number(query.limit) || 30, 1), 100);
    const items = await media.search(typeof query.q === 'string' ? query.q.slice(0, 200) : '', limit);
    return reply.header('cache-control', 'no-store').send({ items: items.map(mediaJson) });
  });
}
