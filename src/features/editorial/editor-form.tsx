/** The editor's form: the article's fields, the translation picker, and the publishing panel beside it. */
import { h, Fragment, type Html } from '../../lib/html.js';
import { formatDayTime, toLocal } from '../../lib/time.js';
import { CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import { can, type Actor } from '../accounts/policy.js';
import { articlePath, readingMinutes, wordCount, type ArticleInput } from '../articles/rules.js';
import { bodyText } from '../articles/body.js';
import type { EditorialArticle, TranslationCandidate } from './service.js';
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
