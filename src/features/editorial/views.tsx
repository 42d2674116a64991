/** The article editor's pages: the list, the editor (its form and publishing panel), revisions, the withdrawal step. */
import { h, Fragment, type Html } from '../../lib/html.js';
import { formatDayTime, toLocal } from '../../lib/time.js';
import type { ArticleStatus } from '../../storage/schema.js';
import type { FieldDiff } from '../articles/revisions.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import { can, type Actor } from '../accounts/policy.js';
import { articlePath, readingMinutes, wordCount, type ArticleInput } from '../articles/rules.js';
import { bodyText } from '../articles/body.js';
import type { ArticleListItem, EditorialArticle, EditorialService, TranslationCandidate } from './service.js';
import type { EditorialText } from './text.js';

export interface EditorChoices {
  /** Addresses of the images the body shows, so the editor can display them. */
  imageSources: Record<number, string>;
  authors: Array<{ id: number; name: string }>;
  rubrics: Array<{ id: number; name: string; isFlag: boolean }>;
  images: Array<{ id: number; label: string }>;
  translation: TranslationChoices;
}

export interface TranslationChoices {
  /** The original this article is now a translation of. */
  linked: { id: number; headline: string; lang: string } | null;
  /** Where the picker looks for originals (the other language), and what a search without JavaScript found. */
  lang: 'ru' | 'en';
  search?: { q: string; found: TranslationCandidate[] };
}

/** The id of the form that searches originals without JavaScript (a GET of the editor page with `translationQ`). */
const TRANSLATION_SEARCH_FORM = 'translation-search';

const candidateLabel = (t: EditorialText, c: { id: number; headline: string; lang: string; status?: TranslationCandidate['status'] }) =>
  `[${c.lang}] ${c.headline} (№${c.id}${c.status ? `, ${t.status[c.status].toLowerCase()}` : ''})`;

/**
 * The "Translation of" field: the current link, the original's number, and a search by headline. Without
 * JavaScript the search reloads this page with the matches as a choice; client/translation-picker.ts searches as one types.
 */
function TranslationField({ t, choices, value, selfId }: { t: EditorialText; choices: TranslationChoices; value: number | null | undefined; selfId?: number }): Html {
  const { linked, search } = choices;
  const tt = t.translation;
  return (
    <fieldset class="translation-field" data-translation-picker data-lang={choices.lang} data-exclude={selfId} data-nothing-found={tt.nothingFound}>
      <legend>{t.translationOf}</legend>
      <p class="help" data-translation-linked>
        {linked ? (
          <>
            {tt.linkedTo}: <a href={`/admin/articles/${linked.id}`}>{candidateLabel(t, linked)}</a>
          </>
        ) : (
          tt.notLinked
        )}
      </p>
      {search ? (
        <label>
          {tt.choose}
          <select name="translationOf">
            <option value={linked ? linked.id : ''}>{linked ? tt.keep : t.none}</option>
            {linked ? <option value="">{t.none}</option> : null}
            {search.found.map((c) => (
              <option value={c.id}>{candidateLabel(t, c)}</option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          {tt.number}
          <input type="text" name="translationOf" value={value ?? ''} inputmode="numeric" pattern="[0-9]*" maxlength="10" />
        </label>
      )}
      <div class="translation-search">
        <label>
          {tt.search}
          <input type="search" name="translationQ" form={TRANSLATION_SEARCH_FORM} value={search?.q ?? ''} maxlength="200" autocomplete="off" data-translation-query />
        </label>
        <button type="submit" form={TRANSLATION_SEARCH_FORM}>
          {t.find}
        </button>
      </div>
      {search && search.found.length === 0 ? <p class="help">{tt.nothingFound}</p> : null}
      {/* Filled by client/translation-picker.ts as one types; it has no name, so only the number above is sent. */}
      <select id="translation-options" class="translation-options" size="6" aria-label={tt.options} hidden data-translation-options data-more={tt.more}></select>
    </fieldset>
  );
}

/** The GET form the translation search belongs to; it stands outside the editor's form, which cannot hold a form. */
export function TranslationSearchForm({ article }: { article: EditorialArticle | null }): Html {
  return <form id={TRANSLATION_SEARCH_FORM} method="get" action={article ? `/admin/articles/${article.id}` : '/admin/articles/new'} hidden></form>;
}

function localInput(iso: string | null, zone: string): string {
  if (!iso) return '';
  const l = toLocal(new Date(iso), zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${p(l.month)}-${p(l.day)}T${p(l.hour)}:${p(l.minute)}`;
}

export function EditorForm({ ctx, t, article, submitted, choices, actor, error, details }: { ctx: AdminContext; t: EditorialText; article: EditorialArticle | null; submitted?: Partial<ArticleInput>; choices: EditorChoices; actor: Actor; error?: string; details?: string[] }): Html {
  // After a refused save, the form shows what the editor sent, not what is stored.
  const given = submitted ? Object.fromEntries(Object.entries(submitted).filter(([, v]) => v !== undefined)) : {};
  const input: Partial<ArticleInput> | undefined = article || submitted ? { ...article?.input, ...given } : undefined;
  const action = article ? `/admin/articles/${article.id}` : '/admin/articles/';
  const body = input?.body ?? { type: 'doc', content: [] };
  const words = wordCount(bodyText(body));
  const mayFlag = can(actor, 'article.storyOfTheDay');
  const authorRows = [...(input?.authors ?? []), { authorId: 0, role: '' }, { authorId: 0, role: '' }].slice(0, Math.max(3, (input?.authors?.length ?? 0) + 1));
  return (
    <form method="post" action={action} class="editor-form" id="editor-form" data-autosave={article ? `/admin/articles/${article.id}/autosave` : undefined} data-leave-unsaved={t.leaveUnsaved}>
      <CsrfField ctx={ctx} />
      {article ? <input type="hidden" name="updatedAt" value={article.updatedAt} /> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {details?.length ? (
        <ul class="notice notice-error">
          {details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : null}
      <label>
        {t.headline}
        <input type="text" name="headline" value={input?.headline ?? ''} required maxlength="300" class="headline-input" />
      </label>
      <label>
        {t.lead}
        <textarea name="lead" rows="3" maxlength="1000">
          {input?.lead ?? ''}
        </textarea>
      </label>
      <fieldset class="body-field">
        <legend>{t.body}</legend>
        <div class="editor-toolbar" role="toolbar" aria-label={t.toolbar} data-labels={JSON.stringify(t.tools)} hidden></div>
        <div class="editor-mount" data-editor-mount data-image-sources={JSON.stringify(choices.imageSources)}></div>
        <input type="hidden" name="body" value={JSON.stringify(body)} data-editor-json />
        <noscript>
          <p class="help">{t.bodyNoScript}</p>
          <textarea name="body_text" rows="16">
            {bodyText(body)}
          </textarea>
        </noscript>
        <p class="help editor-stats" data-editor-stats data-words-label={t.words} data-minutes-label={t.minutes}>
          {words} {t.words} · {readingMinutes(words)} {t.minutes}
        </p>
        <p class="help" data-autosave-status data-label={t.autosaved} aria-live="polite"></p>
      </fieldset>
      <div class="editor-columns">
        <label>
          {t.language}
          {article ? (
            <>
              <input type="hidden" name="lang" value={article.lang} />
              <span class="static-value">{t.languages[article.lang]}</span>
            </>
          ) : (
            <select name="lang">
              <option value="ru" selected={ctx.lang === 'ru'}>
                {t.languages.ru}
              </option>
              <option value="en" selected={ctx.lang === 'en'}>
                {t.languages.en}
              </option>
            </select>
          )}
        </label>
        <label>
          {t.slug}
          <input type="text" name="slug" value={input?.slug ?? ''} pattern="[a-z0-9]+(-[a-z0-9]+)*" maxlength="80" aria-describedby="slug-help" />
          <span class="help" id="slug-help">
            {t.slugHelp}
          </span>
        </label>
        <label>
          {t.city}
          <input type="text" name="city" value={input?.city ?? ''} maxlength="80" />
        </label>
      </div>
      <TranslationField t={t} choices={choices.translation} value={input?.translationOf} selfId={article?.id} />
      <fieldset>
        <legend>{t.authors}</legend>
        {authorRows.map((row, i) => (
          <div class="author-row">
            <label>
              {t.author} {i + 1}
              <select name="authorId[]">
                <option value="">{t.none}</option>
                {choices.authors.map((a) => (
                  <option value={a.id} selected={a.id === row.authorId}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.authorRole}
              <input type="text" name="authorRole[]" value={row.role ?? ''} maxlength="120" />
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.rubrics}</legend>
        {choices.rubrics.map((r) => (
          <label class={r.isFlag ? 'checkbox flag' : 'checkbox'}>
            <input type="checkbox" name="rubricId[]" value={r.id} checked={input?.rubricIds?.includes(r.id) ?? false} disabled={r.isFlag && !mayFlag} />
            {r.isFlag ? `★ ${r.name}` : r.name}
          </label>
        ))}
      </fieldset>
      <label>
        {t.tags}
        <input type="text" name="tags" value={(input?.tags ?? []).join(', ')} />
      </label>
      <div class="editor-columns">
        <label>
          {t.cover}
          <select name="coverImageId">
            <option value="">{t.none}</option>
            {choices.images.map((img) => (
              <option value={img.id} selected={input?.coverImageId === img.id}>
                {img.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.seoTitle}
          <input type="text" name="seoTitle" value={input?.seoTitle ?? ''} maxlength="300" />
        </label>
        <label>
          {t.seoDescription}
          <textarea name="seoDescription" rows="2" maxlength="500">
            {input?.seoDescription ?? ''}
          </textarea>
        </label>
      </div>
      <button type="submit" class="primary" name="action" value="save">
        {t.save}
      </button>
    </form>
  );
}

/**
 * The publishing panel. Its buttons belong to the editor's form (`form="editor-form"`), so each one sends the fields
 * on screen with its action: the server saves them first, then acts. No JavaScript needed.
 */
export function Workflow({ ctx, t, article, actor, zone }: { ctx: AdminContext; t: EditorialText; article: EditorialArticle; actor: Actor; zone: string }): Html {
  const res = { createdBy: article.createdBy, status: article.status };
  const button = (action: string, label: string, extra: Record<string, string | boolean> = {}) => (
    <button type="submit" form="editor-form" name="action" value={action} {...extra}>
      {label}
    </button>
  );
  const mayPublish = can(actor, 'article.publish', res);
  const live = article.status === 'published' || article.status === 'scheduled';
  const pending = article.workingCopy !== null;
  return (
    <section class="workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{t.workflow}</h2>
      <p>
        <span class={`status status-${article.status}`}>{t.status[article.status]}</span>
        {article.publishedAt && live ? ` · ${formatDayTime(new Date(article.publishedAt), zone)}` : ''}
      </p>
      {live ? (
        <p class="help pending-changes" data-pending-notice hidden={!pending}>
          {t.pendingChanges}
        </p>
      ) : null}
      {article.status === 'published' && mayPublish ? button('update', t.updateOnSite, { class: 'primary' }) : null}
      {live && can(actor, 'article.edit', res) ? button('discard', t.discardChanges, { formnovalidate: true, hidden: !pending, 'data-pending-only': true, 'data-confirm': t.confirmDiscard }) : null}
      {article.status === 'draft' && can(actor, 'article.submit', res) && !mayPublish ? button('submit', t.submit) : null}
      {mayPublish && article.status !== 'published' ? button('publish', t.publishNow) : null}
      {mayPublish && ['draft', 'review', 'scheduled'].includes(article.status) ? (
        <div class="stack schedule-form">
          <label>
            {t.publishAt}
            <input type="datetime-local" name="publishAt" form="editor-form" value={article.status === 'scheduled' ? localInput(article.publishedAt, zone) : ''} />
          </label>
          {button('schedule', t.schedule)}
        </div>
      ) : null}
      {can(actor, 'article.unpublish', res) && article.status === 'published' ? button('unpublish', t.unpublish, { 'data-confirm': t.confirmUnpublish }) : null}
      {mayPublish && ['review', 'scheduled', 'unpublished'].includes(article.status) ? button('draft', t.backToDraft) : null}
      <ul class="editor-links">
        <li>{button('preview', t.preview, { class: 'link-button', formaction: `/admin/articles/${article.id}/preview`, formtarget: '_blank', formnovalidate: true })}</li>
        <li>
          <a href={`/admin/articles/${article.id}/revisions`}>{t.revisions}</a>
        </li>
        {article.status === 'published' ? (
          <li>
            <a href={articlePath(article.lang, article.slug, ctx.lang)}>{t.publicPage}</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** The step before an article goes 410: what happens, and a button that does it. Also the page without JavaScript. */
export function ConfirmUnpublish({ ctx, t, article }: { ctx: AdminContext; t: EditorialText; article: EditorialArticle }): Html {
  return (
    <section class="confirm-unpublish">
      <p>
        «{article.input.headline}»
      </p>
      <p>{t.unpublishExplained}</p>
      <form method="post" action={`/admin/articles/${article.id}/workflow`} class="inline-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="action" value="unpublish" />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit" class="danger">
          {t.confirmUnpublishButton}
        </button>
      </form>{' '}
      <a href={`/admin/articles/${article.id}`}>{t.cancel}</a>
    </section>
  );
}

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
