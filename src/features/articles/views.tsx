import { h, Fragment, raw, type Html } from '../../lib/html.js';
import type { Lang, Translator } from '../../lib/i18n.js';
import { formatDateline, formatDayTime, isoWithOffset } from '../../lib/time.js';
import type { PageContext } from '../../web/layout/context.js';
import { Layout } from '../../web/layout/Layout.js';
import type { ArticleFull, ArticleSummary, ImageRef, RubricRef } from './store.js';
import { articlePath } from './rules.js';
import { SIZES } from '../media/rules.js';

const formsJson = new Map<string, string>();
const viewsForms = (tr: Translator): string => {
  let json = formsJson.get(tr.lang);
  if (!json) formsJson.set(tr.lang, (json = JSON.stringify(tr.pluralForms('views'))));
  return json;
};

/** The views number; data attributes let the beacon script update it with the fresh count. */
export function ViewsCounter({ tr, articleId, count }: { tr: Translator; articleId: number; count: number }): Html {
  return (
    <span class="views" data-views-for={articleId} data-lang={tr.lang} data-forms={viewsForms(tr)}>
      {tr.plural('views', count)}
    </span>
  );
}

function PublishedTime({ at, ctx }: { at: string; ctx: PageContext }): Html {
  const instant = new Date(at);
  return <time datetime={isoWithOffset(instant, ctx.settings.timeZone)}>{formatDayTime(instant, ctx.settings.timeZone)}</time>;
}

function RubricLinks({ rubrics, ctx }: { rubrics: RubricRef[]; ctx: PageContext }): Html {
  if (rubrics.length === 0) return <></>;
  // No aria-label: naming a plain list is poorly supported by screen readers, and the links name themselves.
  return (
    <ul class="rubrics">
      {rubrics.map((r) => (
        <li class={r.isFlag ? 'flag' : undefined}>
          <a href={`${ctx.prefix}/rubric/${r.slug}/`}>{r.name}</a>
        </li>
      ))}
    </ul>
  );
}

/** `imageSizes` is the `sizes` of the cover when it has responsive variants: a full column unless the card sits in a list. */
export function ArticleCard({
  article,
  ctx,
  headingLevel = 3,
  imageSizes = SIZES.column,
}: {
  article: ArticleSummary;
  ctx: PageContext;
  headingLevel?: 2 | 3;
  imageSizes?: string;
}): Html {
  const href = articlePath(article.lang, article.slug, ctx.settings.locale);
  const heading = <a href={href}>{article.headline}</a>;
  return (
    <article class="card">
      {article.cover ? (
        <img
          class="card-image"
          src={article.cover.url}
          srcset={article.cover.srcset}
          sizes={article.cover.srcset ? imageSizes : undefined}
          width={article.cover.width}
          height={article.cover.height}
          alt=""
          loading="lazy"
          decoding="async"
        />
      ) : null}
      {headingLevel === 2 ? <h2>{heading}</h2> : <h3>{heading}</h3>}
      <p class="card-meta">
        <PublishedTime at={article.publishedAt} ctx={ctx} />
      </p>
      {article.lead ? <p class="card-lead">{article.lead}</p> : null}
    </article>
  );
}

export function ArticleList({ articles, ctx, headingLevel }: { articles: ArticleSummary[]; ctx: PageContext; headingLevel?: 2 | 3 }): Html {
  if (articles.length === 0) return <p class="empty-list">{ctx.tr.t('noArticles')}</p>;
  return (
    <ul class="article-list">
      {articles.map((a) => (
        <li>
          <ArticleCard article={a} ctx={ctx} headingLevel={headingLevel} imageSizes={SIZES.listThumbnail} />
        </li>
      ))}
    </ul>
  );
}

export interface FrontPageModel {
  /** Every rubric, flags first. */
  rubrics: RubricRef[];
  /** The editorial flag whose newest article is the Story of the day, and that article. */
  flag: RubricRef | null;
  story: ArticleSummary | null;
  latest: ArticleSummary[];
  /** The newest articles of each rubric that is not a flag. */
  blocks: Array<{ rubric: RubricRef; articles: ArticleSummary[] }>;
}

export function HomePage({ model, ctx }: { model: FrontPageModel; ctx: PageContext }): Html {
  const { flag, story, latest, blocks } = model;
  const { tr } = ctx;
  return (
    <Layout ctx={ctx} title={ctx.settings.name}>
      <h1 class="visually-hidden">{ctx.settings.name}</h1>
      {story ? (
        <section class="story-of-the-day" aria-labelledby="story-heading">
          <h2 id="story-heading">{flag ? flag.name : tr.t('storyOfTheDay')}</h2>
          <ArticleCard article={story} ctx={ctx} />
        </section>
      ) : null}
      <section class="latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading">{tr.t('latest')}</h2>
        <ArticleList articles={latest} ctx={ctx} />
      </section>
      {blocks
        .filter((b) => b.articles.length > 0)
        .map((b) => (
          <section class="rubric-block" aria-labelledby={`rubric-${b.rubric.slug}`}>
            <h2 id={`rubric-${b.rubric.slug}`}>
              <a href={`${ctx.prefix}/rubric/${b.rubric.slug}/`}>{b.rubric.name}</a>
            </h2>
            <ArticleList articles={b.articles} ctx={ctx} />
          </section>
        ))}
    </Layout>
  );
}

/** An author's photo above the list of their articles; nothing when they have none. */
export function AuthorPhoto({ photo, name }: { photo: ImageRef | null; name: string }): Html {
  if (!photo) return <></>;
  const height = String(Math.round((160 * photo.height) / Math.max(1, photo.width)));
  return <img class="author-photo" src={photo.url} width="160" height={height} alt={photo.alt || name} />;
}

interface Neighbour {
  id: number;
  slug: string;
  headline: string;
  lang: string;
  publishedAt: string;
}

export interface ArticlePageModel {
  article: ArticleFull;
  related: ArticleSummary[];
  previous: Neighbour | null;
  next: Neighbour | null;
  translations: Array<{ lang: Lang; slug: string; headline: string }>;
}

function jsonLd(data: unknown): Html {
  // "<" is escaped so the data can never close the script element.
  return raw(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

export function articleHead(model: ArticlePageModel, ctx: PageContext): Html {
  const a = model.article;
  const zone = ctx.settings.timeZone;
  const url = `${ctx.origin}${articlePath(a.lang, a.slug, ctx.settings.locale)}`;
  const published = isoWithOffset(new Date(a.publishedAt), zone);
  const modified = isoWithOffset(new Date(a.revisedAt ?? a.publishedAt), zone);
  const image = a.cover ? `${ctx.origin}${a.cover.url}` : undefined;
  const sections = a.rubrics.filter((r) => !r.isFlag).map((r) => r.name);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.lead || undefined,
    inLanguage: a.lang,
    mainEntityOfPage: url,
    datePublished: published,
    dateModified: modified,
    author: a.authors.map((au) => ({ '@type': 'Person', name: au.name, jobTitle: au.role || undefined, url: `${ctx.origin}${ctx.prefix}/author/${au.slug}/` })),
    articleSection: sections,
    keywords: a.tags.map((t) => t.name),
    image: image ? [image] : undefined,
    publisher: { '@type': 'Organization', name: ctx.settings.name, url: `${ctx.origin}/` },
  };
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={ctx.settings.name} />
      <meta property="og:title" content={a.seoTitle ?? a.headline} />
      <meta property="og:description" content={a.seoDescription ?? a.lead} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={a.lang === 'ru' ? 'ru_RU' : 'en_GB'} />
      {image ? <meta property="og:image" content={image} /> : null}
      <meta property="article:published_time" content={published} />
      <meta property="article:modified_time" content={modified} />
      {sections.map((s) => (
        <meta property="article:section" content={s} />
      ))}
      {a.tags.map((t) => (
        <meta property="article:tag" content={t.name} />
      ))}
      {model.translations.map((t) => (
        <link rel="alternate" hreflang={t.lang} href={`${ctx.origin}${articlePath(t.lang, t.slug, ctx.settings.locale)}`} />
      ))}
      {jsonLd(data)}
    </>
  );
}

/** The whole article page: the site's chrome, with the article's metadata in the head, around the article. */
export function ArticleDocument({ model, ctx }: { model: ArticlePageModel; ctx: PageContext }): Html {
  const a = model.article;
  return (
    <Layout ctx={ctx} title={a.seoTitle ?? a.headline} description={a.seoDescription ?? a.lead} head={articleHead(model, ctx)}>
      <ArticlePage model={model} ctx={ctx} />
    </Layout>
  );
}

export function ArticlePage({ model, ctx }: { model: ArticlePageModel; ctx: PageContext }): Html {
  const a = model.article;
  const { tr, settings, prefix } = ctx;
  const zone = settings.timeZone;
  const city = a.city ?? settings.datelineCity[a.lang];
  const published = new Date(a.publishedAt);
  return (
    <article class="article" data-article-id={a.id} lang={a.lang === ctx.lang ? undefined : a.lang}>
      <header class="article-header">
        <RubricLinks rubrics={a.rubrics} ctx={ctx} />
        <h1>{a.headline}</h1>
        {a.authors.length > 0 ? (
          <p class="byline">
            {a.authors.map((au, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a class="author" rel="author" href={`${prefix}/author/${au.slug}/`}>
                  {au.name}
                </a>
                {au.role ? <span class="author-role">{au.role}</span> : null}
              </>
            ))}
          </p>
        ) : null}
        <p class="dateline">
          <time datetime={isoWithOffset(published, zone)}>{formatDateline(published, zone, settings.zoneLabel[a.lang], null)}</time>
          {city ? <span class="dateline-city">, {city}</span> : null}
        </p>
        {a.revisedAt ? (
          <p class="updated">
            {tr.t('updated')}: <time datetime={isoWithOffset(new Date(a.revisedAt), zone)}>{formatDateline(new Date(a.revisedAt), zone, settings.zoneLabel[a.lang], null)}</time>
          </p>
        ) : null}
        <p class="article-stats">
          <ViewsCounter tr={tr} articleId={a.id} count={a.viewCount} />
        </p>
        {model.translations.length > 0 ? (
          <p class="translations">
            {tr.t('translation')}:{' '}
            {model.translations.map((t) => (
              <a href={articlePath(t.lang, t.slug, settings.locale)} hreflang={t.lang} lang={t.lang}>
                {t.headline}
              </a>
            ))}
          </p>
        ) : null}
      </header>
      {a.lead ? <p class="lead">{a.lead}</p> : null}
      <div class="article-body">{raw(a.bodyHtml)}</div>
      <footer class="article-footer">
        {a.tags.length > 0 ? (
          <p class="tags">
            {tr.t('tags')}:{' '}
            {a.tags.map((t, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`${prefix}/tag/${t.slug}/`} rel="tag">
                  {t.name}
                </a>
              </>
            ))}
          </p>
        ) : null}
        <p class="report-hint" data-error-report={a.id}>
          {tr.t('reportMistake')}
        </p>
        <noscript>
          <img class="views-pixel" src={`/api/views/${a.id}/pixel.gif`} alt="" width="1" height="1" />
        </noscript>
      </footer>
      {model.previous || model.next ? (
        <nav class="prev-next" aria-label={`${tr.t('previousArticle')} / ${tr.t('nextArticle')}`}>
          {model.previous ? (
            <a rel="prev" href={articlePath(model.previous.lang as Lang, model.previous.slug, settings.locale)}>
              <span class="prev-next-label">{tr.t('previousArticle')}</span> {model.previous.headline}
            </a>
          ) : null}
          {model.next ? (
            <a rel="next" href={articlePath(model.next.lang as Lang, model.next.slug, settings.locale)}>
              <span class="prev-next-label">{tr.t('nextArticle')}</span> {model.next.headline}
            </a>
          ) : null}
        </nav>
      ) : null}
      {model.related.length > 0 ? (
        <section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading">{tr.t('related')}</h2>
          <ArticleList articles={model.related} ctx={ctx} />
        </section>
      ) : null}
      <section class="comment-rules" aria-labelledby="comment-rules-heading">
        <h2 id="comment-rules-heading">{tr.t('commentRules')}</h2>
        {settings.commentRules[a.lang].split('\n').filter(Boolean).map((line) => (
          <p>{line}</p>
        ))}
      </section>
    </article>
  );
}
