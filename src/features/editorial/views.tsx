/** The article editor's pages: the list, the editor (its form is in editor-form.tsx), revisions, the withdrawal step. */
import { h, Fragment, type Html } from '../../lib/html.js';
import { formatDayTime } from '../../lib/time.js';
import type { ArticleStatus } from '../../storage/schema.js';
import type { FieldDiff } from '../articles/revisions.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import type { Actor } from '../accounts/policy.js';
import type { ArticleInput } from '../articles/rules.js';
import type { ArticleListItem, EditorialArticle, EditorialService } from './service.js';
import type { EditorialText } from './text.js';
import { ConfirmUnpublish, EditorForm, TranslationSearchForm, Workflow, type EditorChoices } from './editor-form.js';

/** The states an article can be in, in the order the list's tabs show them. */
export const ARTICLE_STATUSES: ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

/** The list's filter and page. */
export interface ArticleListQuery {
  status?: ArticleStatus;
  q?: string;
  page: number;
}

/** The list's address with some of its filter changed; page 1 and empty values are left out. */
function listHref(query: ArticleListQuery, over: Partial<Record<keyof ArticleListQuery, string | number | undefined>>): string {
  const p = new URLSearchParams();
  const merged = { status: query.status, q: query.q, page: query.page, ...over };
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  const s = p.toString();
  return s ? `/admin/articles/?${s}` : '/admin/articles/';
}

export interface ArticleListPageProps {
  ctx: AdminContext;
  t: EditorialText;
  query: ArticleListQuery;
  items: ArticleListItem[];
  total: number;
  pageSize: number;
  zone: string;
}

export function ArticleListPage({ ctx, t, query, items, total, pageSize, zone }: ArticleListPageProps): Html {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (over: Parameters<typeof listHref>[1]) => listHref(query, over);
  return (
    <AdminLayout ctx={ctx} title={t.articles}>
      <h1>{t.articles}</h1>
      <p>
        <a class="button primary" href="/admin/articles/new">
          {t.newArticle}
        </a>
      </p>
      <nav class="tabs" aria-label={t.articles}>
        <a href={href({ status: undefined, page: 1 })} aria-current={query.status ? undefined : 'page'}>
          {t.all}
        </a>
        {ARTICLE_STATUSES.map((s) => (
          <a href={href({ status: s, page: 1 })} aria-current={query.status === s ? 'page' : undefined}>
            {t.status[s]}
          </a>
        ))}
      </nav>
      <form method="get" action="/admin/articles/" class="search-form" role="search">
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <label>
          {t.search}
          <input type="search" name="q" value={query.q ?? ''} />
        </label>
        <button type="submit">{t.find}</button>
      </form>
      {items.length === 0 ? (
        <p>{t.noArticles}</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t.headline}</th>
              <th scope="col">{t.language}</th>
              <th scope="col">{t.statusColumn}</th>
              <th scope="col">{t.updated}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr>
                <td>
                  <a href={`/admin/articles/${a.id}`}>{a.headline}</a>
                </td>
                <td>{a.lang}</td>
                <td>
                  <span class={`status status-${a.status}`}>{t.status[a.status]}</span>
                  {a.status === 'scheduled' && a.publishedAt ? ` · ${formatDayTime(new Date(a.publishedAt), zone)}` : ''}
                  {a.pending ? ` · ${t.revisionPending}` : ''}
                </td>
                <td>{formatDayTime(new Date(a.updatedAt), zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav class="pagination">
          {query.page > 1 ? <a href={href({ page: query.page - 1 })}>←</a> : null}
          <span>
            {query.page} / {pages}
          </span>
          {query.page < pages ? <a href={href({ page: query.page + 1 })}>→</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}

export interface EditorPageProps {
  ctx: AdminContext;
  t: EditorialText;
  /** The article being edited, or null for a new one. */
  article: EditorialArticle | null;
  choices: EditorChoices;
  actor: Actor;
  zone: string;
  /** What just happened (saved, published, restored…), already in the back office's language. */
  notice?: string;
  /** After a refused command: what the editor sent, the reason and the problems with the fields. */
  submitted?: Partial<ArticleInput>;
  error?: string;
  details?: string[];
}

export function EditorPage({ ctx, t, article, choices, actor, zone, notice, submitted, error, details }: EditorPageProps): Html {
  const title = article ? article.input.headline : t.newArticle;
  return (
    <AdminLayout ctx={ctx} title={title} scripts={['/assets/editor.js']}>
      <h1>{title}</h1>
      {notice ? <Notice kind="ok">{notice}</Notice> : null}
      <div class="editor-layout">
        <EditorForm ctx={ctx} t={t} article={article} submitted={submitted} choices={choices} actor={actor} error={error} details={details} />
        <TranslationSearchForm article={article} />
        {article ? <Workflow ctx={ctx} t={t} article={article} actor={actor} zone={zone} /> : null}
      </div>
    </AdminLayout>
  );
}

/** Before an article goes 410, the editor confirms: this page without JavaScript, a dialog with it. */
export function ConfirmUnpublishPage({ ctx, t, article }: { ctx: AdminContext; t: EditorialText; article: EditorialArticle }): Html {
  return (
    <AdminLayout ctx={ctx} title={t.unpublishTitle}>
      <h1>{t.unpublishTitle}</h1>
      <ConfirmUnpublish ctx={ctx} t={t} article={article} />
    </AdminLayout>
  );
}

export type Revision = Awaited<ReturnType<EditorialService['revisions']>>[number];

export interface RevisionsPageProps {
  ctx: AdminContext;
  t: EditorialText;
  article: EditorialArticle;
  /** Newest first. */
  revisions: Revision[];
  /** The two revisions compared (ids), and what changed between them. */
  a?: number;
  b?: number;
  diff: FieldDiff[];
  mayRestore: boolean;
  zone: string;
}

export function RevisionsPage({ ctx, t, article, revisions, a, b, diff, mayRestore, zone }: RevisionsPageProps): Html {
  const id = article.id;
  const markText = { live: article.status === 'scheduled' ? t.revisionScheduled : t.revisionLive, pending: t.revisionPending };
  const label = (r: Revision) => `#${r.id} · ${formatDayTime(new Date(r.created_at), zone)} · ${r.user_name ?? t.system}${r.mark ? ` · ${markText[r.mark]}` : ''}`;
  return (
    <AdminLayout ctx={ctx} title={`${t.revisionsOf} ${article.input.headline}`}>
      <h1>
        {t.revisionsOf} «{article.input.headline}»
      </h1>
      <p>
        <a href={`/admin/articles/${id}`}>{t.back}</a>
      </p>
      <form method="get" action={`/admin/articles/${id}/revisions`} class="compare-form">
        {([['a', t.from, a], ['b', t.to, b]] as const).map(([name, caption, chosen]) => (
          <label>
            {caption}
            <select name={name}>
              {revisions.map((r) => (
                <option value={r.id} selected={r.id === chosen}>
                  {label(r)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit">{t.compare}</button>
      </form>
      {diff.length === 0 ? (
        <p>{t.noChanges}</p>
      ) : (
        <dl class="diff">
          {diff.map((d) => (
            <>
              <dt>{t.fieldNames[d.field as keyof EditorialText['fieldNames']] ?? d.field}</dt>
              <dd>{d.parts.map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? <ins>{p.text}</ins> : <del>{p.text}</del>))}</dd>
            </>
          ))}
        </dl>
      )}
      <ol class="revisions" reversed>
        {revisions.map((r) => (
          <li class={r.mark ? `revision-${r.mark}` : undefined}>
            {label(r)}
            {mayRestore ? (
              <form method="post" action={`/admin/articles/${id}/revisions/${r.id}/restore`} class="inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit">{t.restore}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}
