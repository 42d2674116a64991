/** The rubrics-and-tags page of the back office. */
import { h } from '../../lib/html.js';
import { LANGS, langPrefix, type Lang } from '../../lib/i18n.js';
import { localized, translationOf } from '../../lib/localized.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import type { RubricListItem, TagListItem } from './store.js';
import type { TaxonomyText } from './text.js';

/** The list's search, language and page, carried through every form and back. */
export interface ListQuery {
  q: string;
  lang?: Lang;
  page: number;
  done?: string;
}

/** The list's query string (search, language, page) to carry through a form and back. */
export function listSearch(query: ListQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.lang) params.set('lang', query.lang);
  if (query.page > 1) params.set('page', String(query.page));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function RubricsSection({ ctx, t, rubrics, locale }: { ctx: AdminContext; t: TaxonomyText; rubrics: RubricListItem[]; locale: Lang }) {
  return (
    <section aria-labelledby="rubrics-heading" class="taxonomy-rubrics">
      <h2 id="rubrics-heading">{t.rubrics}</h2>
      <p class="help">{t.rubricsHelp}</p>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t.order}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.address}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.articles}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rubrics.map((r) => {
            const display = localized(r.name, r.translations, ctx.lang, 'name');
            const nameEn = translationOf(r.translations, 'en', 'name');
            return (
              <tr>
                <td class="order-buttons">
                  <form method="post" action={`/admin/taxonomy/rubrics/${r.id}/move`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="direction" value="up" />
                    <button type="submit" aria-label={t.moveUp(display)} title={t.moveUp(display)}>
                      ↑
                    </button>
                  </form>
                  <form method="post" action={`/admin/taxonomy/rubrics/${r.id}/move`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="direction" value="down" />
                    <button type="submit" aria-label={t.moveDown(display)} title={t.moveDown(display)}>
                      ↓
                    </button>
                  </form>
                </td>
                <td>
                  {r.name}
                  {nameEn ? (
                    <span class="muted" lang="en">
                      {' '}
                      / {nameEn}
                    </span>
                  ) : null}
                </td>
                <td>
                  <a href={`${langPrefix(locale, locale)}/rubric/${r.slug}/`}>{r.slug}</a>
                  {r.oldSlugs.length ? (
                    <p class="muted old-slugs">
                      {t.oldAddresses}: {r.oldSlugs.join(', ')}
                    </p>
                  ) : null}
                </td>
                <td>{r.isFlag ? t.flag : t.section}</td>
                <td>{r.articleCount}</td>
                <td>
                  <details>
                    <summary>{t.editOf(display)}</summary>
                    <form method="post" action={`/admin/taxonomy/rubrics/${r.id}`} class="stack">
                      <CsrfField ctx={ctx} />
                      <label>
                        {t.nameRu}
                        <input type="text" name="name" value={r.name} required maxlength="120" />
                      </label>
                      <label>
                        {t.nameEn}
                        <input type="text" name="name_en" value={nameEn} maxlength="120" lang="en" />
                      </label>
                      <label>
                        {t.address}
                        <input type="text" name="slug" value={r.slug} required maxlength="80" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
                      </label>
                      <p class="help">{t.slugHelp}</p>
                      <button type="submit">{t.save}</button>
                    </form>
                    {r.articleCount === 0 ? (
                      <form method="post" action={`/admin/taxonomy/rubrics/${r.id}/delete`} class="stack">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="danger">
                          {t.remove}
                        </button>
                      </form>
                    ) : (
                      <p class="help">{t.removeHelp}</p>
                    )}
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t.newRubric}</h3>
      <form method="post" action="/admin/taxonomy/rubrics" class="stack">
        <CsrfField ctx={ctx} />
        <label>
          {t.nameRu}
          <input type="text" name="name" required maxlength="120" />
        </label>
        <label>
          {t.nameEn}
          <input type="text" name="name_en" maxlength="120" lang="en" />
        </label>
        <label>
          {t.address}
          <input type="text" name="slug" maxlength="80" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
        </label>
        <p class="help">{t.slugNewHelp}</p>
        <label class="checkbox">
          <input type="checkbox" name="is_flag" value="1" />
          {t.isFlag}
        </label>
        <button type="submit">{t.add}</button>
      </form>
    </section>
  );
}

function TagsSection(props: { ctx: AdminContext; t: TaxonomyText; tags: TagListItem[]; total: number; pageSize: number; query: ListQuery; locale: Lang }) {
  const { ctx, t, tags, total, pageSize, query, locale } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const back = listSearch(query);
  return (
    <section aria-labelledby="tags-heading" class="taxonomy-tags" id="tags">
      <h2 id="tags-heading">{t.tags}</h2>
      <p class="help">{t.tagsHelp}</p>
      <form method="get" action="/admin/taxonomy/#tags" class="inline-form search-form" role="search">
        <label>
          {t.searchLabel}
          <input type="search" name="q" value={query.q} maxlength="120" />
        </label>
        <label>
          {t.language}
          <select name="lang">
            <option value="" selected={!query.lang}>
              {t.allLanguages}
            </option>
            {LANGS.map((l) => (
              <option value={l} selected={query.lang === l}>
                {t.langNames[l] ?? l}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.search}</button>
      </form>
      <p class="muted">{t.tagsFound(total)}</p>
      {tags.length === 0 ? (
        <p>{t.noTags}</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.language}</th>
              <th scope="col">{t.address}</th>
              <th scope="col">{t.articles}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr>
                <td lang={tag.lang}>{tag.name}</td>
                <td>{t.langNames[tag.lang] ?? tag.lang}</td>
                <td>
                  <a href={`${langPrefix(tag.lang as Lang, locale)}/tag/${tag.slug}/`}>{tag.slug}</a>
                </td>
                <td>{tag.articleCount}</td>
                <td>
                  <details>
                    <summary>{t.editOf(tag.name)}</summary>
                    <form method="post" action={`/admin/taxonomy/tags/${tag.id}${back}`} class="stack">
                      <CsrfField ctx={ctx} />
                      <label>
                        {t.newName}
                        <input type="text" name="name" value={tag.name} required maxlength="120" lang={tag.lang} />
                      </label>
                      <label>
                        {t.newAddress}
                        <input type="text" name="slug" maxlength="80" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
                      </label>
                      <p class="help">{t.tagSlugHelp}</p>
                      <button type="submit">{t.rename}</button>
                    </form>
                    <form method="post" action={`/admin/taxonomy/tags/${tag.id}/merge${back}`} class="stack">
                      <CsrfField ctx={ctx} />
                      <label>
                        {t.mergeInto}
                        <input type="text" name="into" required maxlength="120" lang={tag.lang} />
                      </label>
                      <button type="submit">{t.merge}</button>
                    </form>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label={t.pages}>
          {query.page > 1 ? (
            <a rel="prev" href={`/admin/taxonomy/${listSearch({ ...query, page: query.page - 1, done: undefined })}#tags`}>
              ← {t.previous}
            </a>
          ) : null}
          <span aria-current="page">{t.pageOf(query.page, pages)}</span>
          {query.page < pages ? (
            <a rel="next" href={`/admin/taxonomy/${listSearch({ ...query, page: query.page + 1, done: undefined })}#tags`}>
              {t.next} →
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

export interface TaxonomyPageProps {
  ctx: AdminContext;
  t: TaxonomyText;
  rubrics: RubricListItem[];
  tags: { tags: TagListItem[]; total: number; pageSize: number };
  query: ListQuery;
  locale: Lang;
  /** The reason a change was refused, already in the back office's language. */
  error?: string;
  /** The confirmation of a change just made. */
  done?: string;
}

export function TaxonomyPage({ ctx, t, rubrics, tags, query, locale, error, done }: TaxonomyPageProps) {
  return (
    <AdminLayout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {done && !error ? <Notice kind="ok">{done}</Notice> : null}
      <RubricsSection ctx={ctx} t={t} rubrics={rubrics} locale={locale} />
      <TagsSection ctx={ctx} t={t} tags={tags.tags} total={tags.total} pageSize={tags.pageSize} query={query} locale={locale} />
    </AdminLayout>
  );
}
