/** The media library page of the back office: the upload form, and the images with their texts to edit. */
import { h, Fragment } from '../../lib/html.js';
import { formatDayTime } from '../../lib/time.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import { ACCEPT_ATTRIBUTE, scaledHeight, TEXT_LIMITS, thumbnailOf } from './rules.js';
import type { MediaItem, MediaPage as MediaList } from './service.js';
import type { MediaText } from './text.js';

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

export interface MediaPageProps {
  ctx: AdminContext;
  t: MediaText;
  list: MediaList;
  /** Whether the staff member may delete images (authors may upload, not delete). */
  canDelete: boolean;
  timeZone: string;
  /** The reason an upload or a change was refused, already in the back office's language. */
  error?: string;
  /** The confirmation of a change just made. */
  done?: string;
}

const pageLink = (p: number) => (p === 1 ? '/admin/media/' : `/admin/media/?page=${p}`);

export function MediaPage({ ctx, t, list, canDelete, timeZone, error, done }: MediaPageProps) {
  return (
    <AdminLayout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {done ? <Notice kind="ok">{done}</Notice> : null}
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
              <MediaCard ctx={ctx} t={t} item={item} page={list.page} canDelete={canDelete} timeZone={timeZone} />
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
    </AdminLayout>
  );
}
