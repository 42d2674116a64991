/** Public reading routes: home, article, rubric, tag and author pages. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { z } from 'zod';
import { h, Fragment, type Html } from '../../lib/html.js';
import { translator, type Lang } from '../../lib/i18n.js';
import { localized } from '../../lib/localized.js';
import { isValidSlug } from '../../lib/slug.js';
import type { Site } from '../../web/public/site.js';
import { Layout } from '../../web/layout/Layout.js';
import type { PageContext } from '../../web/layout/context.js';
import { toLocal } from '../../lib/time.js';
import * as store from './store.js';
import { currentRubricSlug, currentTagSlug } from '../taxonomy/store.js';
import { currentAuthorSlug } from '../authors/store.js';
import { articlePath } from './rules.js';
import { langPrefix } from '../../lib/i18n.js';
import { ArticleList, ArticlePage, articleHead, ArticleCard, type ArticlePageModel } from './views.js';
import { EventMemo } from '../../lib/memo.js';
import { Dependencies } from '../../lib/dependencies.js';

export const PAGE_SIZE = 12;

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** Parses ?page=N; sends a readable 400 and returns null when it is not a page number. */
export async function pageNumber(site: Site, request: FastifyRequest, reply: FastifyReply, lang: Lang): Promise<number | null> {
  const parsed = pageQuery.safeParse(request.query);
  if (parsed.success) return parsed.data.page;
  await site.sendError(request, reply, lang, 400, translator(lang).t('badPageNumber'));
  return null;
}

export function Pagination({ ctx, path, page, total }: { ctx: PageContext; path: string; page: number; total: number }): Html {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return <></>;
  const href = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  return (
    <nav class="pagination" aria-label={ctx.tr.t('pagination')}>
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)}>
          ← {ctx.tr.t('newer')}
        </a>
      ) : null}
      <span aria-current="page">{ctx.tr.t('page', { n: page })}</span>
      {page < pages ? (
        <a rel="next" href={href(page + 1)}>
          {ctx.tr.t('older')} →
        </a>
      ) : null}
    </nav>
  );
}

/** A paginated list of articles under a heading: rubric, tag, author, day and month pages share it. */
export async function sendListPage(
  site: Site,
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: {
    lang: Lang;
    path: string;
    title: string;
    intro?: string;
    /** Shown under the heading, before the intro (an author's photo). */
    picture?: Html;
    filter: store.ListFilter;
    /** The list itself (`rubric:3`, or the span of a day): a change of its members drops its pages. */
    list: Dependencies;
    month?: { year: number; month: number };
    alternatePath?: string | null;
  },
): Promise<FastifyReply> {
  const page = await pageNumber(site, request, reply, opts.lang);
  if (page === null) return reply;
  const [articles, total] = await Promise.all([
    store.listPublished(db, opts.filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    store.countPublished(db, opts.filter),
  ]);
  if (page > 1 && articles.length === 0) return site.sendError(request, reply, opts.lang, 404);
  const ctx = await site.context(request, opts.lang, page === 1 ? opts.path : `${opts.path}?page=${page}`, {
    month: opts.month,
    alternatePath: opts.alternatePath,
  });
  const title = page > 1 ? `${opts.title} — ${ctx.tr.t('page', { n: page })}` : opts.title;
  const deps = ctx.dependsOn.add(opts.list).articles(articles);
  return site.send(
    request,
    reply,
    <Layout ctx={ctx} title={title} description={opts.intro}>
      <section class="list-page">
        <h1>{opts.title}</h1>
        {opts.picture}
        {opts.intro ? <p class="list-intro">{opts.intro}</p> : null}
        <ArticleList articles={articles} ctx={ctx} headingLevel={2} />
        <Pagination ctx={ctx} path={opts.path} page={page} total={total} />
      </section>
    </Layout>,
    deps,
  );
}

/** Everything an article page shows, read in one go. */
export async function articlePageModel(db: Kysely<Database>, id: number): Promise<ArticlePageModel> {
  const article = (await store.getArticle(db, id))!;
  const mainRubric = article.rubrics.find((r) => !r.isFlag);
  const [related, around, translations] = await Promise.all([
    mainRubric ? store.listPublished(db, { lang: article.lang, rubricId: mainRubric.id, excludeIds: [article.id] }, 4) : Promise.resolve([]),
    store.neighbours(db, article),
    article.translationGroup === null ? Promise.resolve([]) : store.translationsOf(db, article.translationGroup, article.id),
  ]);
  return { article, related, previous: around.previous, next: around.next, translations };
}

/** Worked out once per read model, which the memo keeps: a page served from it only points to them. */
const modelDependencies = new WeakMap<ArticlePageModel, Dependencies>();

/**
 * What an article page shows besides its chrome: the article with its rubrics, tags and authors, the related cards,
 * and its neighbours, which change when an article is published between them (translations drop it by its id).
 */
export function articleDependencies(model: ArticlePageModel): Dependencies {
  let deps = modelDependencies.get(model);
  if (deps) return deps;
  const { article, related, previous, next } = model;
  deps = new Dependencies().articles([article, ...related]);
  for (const r of article.rubrics) deps.tag(`rubric:${r.id}`);
  for (const t of article.tags) deps.tag(`tag:${t.id}`);
  for (const a of article.authors) deps.tag(`author:${a.id}`);
  for (const n of [previous, next]) if (n) deps.tag(`article:${n.id}`);
  deps.span(previous?.publishedAt ?? null, next?.publishedAt ?? null);
  modelDependencies.set(model, deps);
  return deps;
}

/** Renders an article page; the public route and the editors' preview share it, so a preview is the page. */
export async function sendArticlePage(site: Site, request: FastifyRequest, reply: FastifyReply, model: ArticlePageModel): Promise<FastifyReply> {
  const { article, translations } = model;
  const { locale, timeZone } = request.settings;
  const lang = article.lang;
  const published = toLocal(new Date(article.publishedAt), timeZone);
  const alternate = translations[0] ? articlePath(translations[0].lang, translations[0].slug, locale) : undefined;
  const ctx = await site.context(request, lang, articlePath(lang, article.slug, locale), {
    month: { year: published.year, month: published.month },
    alternatePath: alternate,
  });
  return site.send(
    request,
    reply,
    <Layout ctx={ctx} title={article.seoTitle ?? article.headline} description={article.seoDescription ?? article.lead} head={articleHead(model, ctx)}>
      <ArticlePage model={model} ctx={ctx} />
    </Layout>,
    ctx.dependsOn.add(articleDependencies(model)),
  );
}

const slugParams = z.object({ slug: z.string() });
const SLUGS = new Dependencies().tag('slugs');

/** The query string of a request ('?page=2'), kept when an old address redirects to the new one. */
const queryOf = (request: FastifyRequest) => {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at);
};

export interface ArticleRoutesDeps {
  site: Site;
  db: Kysely<Database>;
  events: EventBus;
}

export const articleRoutes: FastifyPluginAsync<ArticleRoutesDeps> = async (scope, { site, db, events }) => {
  /** An old address of a rubric, tag or author page answers 301 to where the page lives now, query kept; else 404. */
  const movedOrMissing = (request: FastifyRequest, reply: FastifyReply, lang: Lang, movedTo: string | null, pathOf: (slug: string) => string) =>
    movedTo ? reply.redirect(`${pathOf(movedTo)}${queryOf(request)}`, 301) : site.sendError(request, reply, lang, 404);
  // Published articles change only through events, so their read models live until one changes what they show.
  // An address may be taken by another article or given up, whichever article it leads to now.
  const slugs = new EventMemo<Awaited<ReturnType<typeof store.findBySlug>>>(
    events,
    (found) => (found && 'id' in found ? new Dependencies().tag('slugs').tag(`article:${found.id}`) : SLUGS),
    5000,
  );
  const models = new EventMemo<ArticlePageModel>(events, articleDependencies, 500);

  scope.get('/', async (request, reply) => {
    const { lang } = request;
    const rubrics = await store.listRubrics(db, lang);
    const flag = rubrics.find((r) => r.isFlag);
    const [story] = flag ? await store.listPublished(db, { lang, rubricId: flag.id }, 1) : [];
    const exclude = story ? [story.id] : [];
    const latest = await store.listPublished(db, { lang, excludeIds: exclude }, 10);
    const blocks = await Promise.all(
      rubrics.filter((r) => !r.isFlag).map(async (r) => ({ rubric: r, articles: await store.listPublished(db, { lang, rubricId: r.id }, 4) })),
    );
    const ctx = await site.context(request, lang, `${langPrefix(lang, request.settings.locale)}/`);
    const { tr } = ctx;
    const deps = ctx.dependsOn.tag('home').articles([...(story ? [story] : []), ...latest, ...blocks.flatMap((b) => b.articles)]);
    for (const r of rubrics) deps.tag(`rubric:${r.id}`);
    return site.send(
      request,
      reply,
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
      </Layout>,
      deps,
    );
  });

  scope.get('/news/:slug', async (request, reply) => {
    const { lang } = request;
    const { slug } = slugParams.parse(request.params);
    const locale = request.settings.locale;
    if (!isValidSlug(slug)) return site.sendError(request, reply, lang, 404);
    const found = await slugs.get(`${lang}:${slug}`, () => store.findBySlug(db, lang, slug));
    if (!found) return site.sendError(request, reply, lang, 404);
    if ('movedTo' in found) return reply.redirect(articlePath(lang, found.movedTo, locale), 301);
    if (found.status === 'unpublished') return site.sendError(request, reply, lang, 410);
    if (found.status !== 'published') return site.sendError(request, reply, lang, 404);
    return sendArticlePage(site, request, reply, await models.get(String(found.id), () => articlePageModel(db, found.id)));
  });

  scope.get('/rubric/:slug/', async (request, reply) => {
    const { lang } = request;
    const { slug } = slugParams.parse(request.params);
    const rubric = await store.findRubric(db, slug);
    const prefix = langPrefix(lang, request.settings.locale);
    if (!rubric) return movedOrMissing(request, reply, lang, await currentRubricSlug(db, slug), (to) => `${prefix}/rubric/${to}/`);
    const name = localized(rubric.name, rubric.translations, lang, 'name');
    return sendListPage(site, db, request, reply, {
      lang,
      path: `${prefix}/rubric/${rubric.slug}/`,
      title: name,
      filter: { lang, rubricId: rubric.id },
      list: new Dependencies().tag(`rubric:${rubric.id}`),
      alternatePath: null,
    });
  });

  scope.get('/tag/:slug/', async (request, reply) => {
    const { lang } = request;
    const { slug } = slugParams.parse(request.params);
    const tag = await store.findTag(db, lang, slug);
    const prefix = langPrefix(lang, request.settings.locale);
    if (!tag) return movedOrMissing(request, reply, lang, await currentTagSlug(db, lang, slug), (to) => `${prefix}/tag/${to}/`);
    return sendListPage(site, db, request, reply, {
      lang,
      path: `${prefix}/tag/${tag.slug}/`,
      title: translator(lang).t('tagTitle', { name: tag.name }),
      filter: { lang, tagId: tag.id },
      list: new Dependencies().tag(`tag:${tag.id}`),
      alternatePath: null,
    });
  });

  scope.get('/author/:slug/', async (request, reply) => {
    const { lang } = request;
    const { slug } = slugParams.parse(request.params);
    const author = await store.findAuthor(db, slug);
    const prefix = langPrefix(lang, request.settings.locale);
    if (!author) return movedOrMissing(request, reply, lang, await currentAuthorSlug(db, slug), (to) => `${prefix}/author/${to}/`);
    const role = localized(author.role_title, author.translations, lang, 'role_title');
    const bio = localized(author.bio, author.translations, lang, 'bio');
    const name = localized(author.name, author.translations, lang, 'name');
    const photo = author.photo_image_id === null ? null : await store.findImage(db, author.photo_image_id);
    return sendListPage(site, db, request, reply, {
      lang,
      path: `${prefix}/author/${author.slug}/`,
      title: name,
      intro: [role, bio].filter(Boolean).join('. '),
      picture: photo ? (
        <img class="author-photo" src={photo.url} width="160" height={String(Math.round((160 * photo.height) / Math.max(1, photo.width)))} alt={photo.alt || name} />
      ) : undefined,
      filter: { lang, authorId: author.id },
      list: new Dependencies().tag(`author:${author.id}`),
    });
  });
};
