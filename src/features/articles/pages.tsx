/**
 * The reading site's pages of articles, shared beyond the articles slice: the article page (the public route and the
 * editors' preview send the same page, so a preview is the page) and a paginated list of articles (rubric, tag,
 * author, day and month pages), with the read models they show and what those depend on for the page cache.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { h } from '../../lib/html.js';
import { toLocal } from '../../lib/time.js';
import { Dependencies } from '../../lib/dependencies.js';
import type { Site } from '../../web/public/site.js';
import { PAGE_SIZE, sendListPage, type ListPage } from '../../web/public/list-page.js';
import * as store from './store.js';
import { articlePath } from './rules.js';
import type { ArticleLists } from './reader.js';
import { ArticleDocument, ArticleList, type ArticlePageModel, type FrontPageModel } from './views.js';

/** Everything an article page shows, read in one go (from a transaction, for a preview). */
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

/** Worked out once per read model, which the reader's memo keeps: a page served from it only points to them. */
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

/** What the home page shows: any change of the articles on it, of the rubrics, or of what is newest. */
export function frontPageDependencies(model: FrontPageModel): Dependencies {
  const { story, latest, blocks, rubrics } = model;
  const deps = new Dependencies().tag('home').articles([...(story ? [story] : []), ...latest, ...blocks.flatMap((b) => b.articles)]);
  for (const r of rubrics) deps.tag(`rubric:${r.id}`);
  return deps;
}

/** Renders an article page in the article's language. */
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
  return site.send(request, reply, <ArticleDocument model={model} ctx={ctx} />, ctx.dependsOn.add(articleDependencies(model)));
}

/** A page of a list of published articles. */
export interface ArticleListPage extends ListPage {
  /** Which articles the list holds. */
  filter: store.ListFilter;
  /** The list itself, for the page cache (`rubric:3`, or the span of a day): a change of its members drops its pages. */
  list: Dependencies;
}

export async function sendArticleList(site: Site, articles: ArticleLists, request: FastifyRequest, reply: FastifyReply, page: ArticleListPage): Promise<FastifyReply> {
  const { filter, list } = page;
  const [shown, total] = await Promise.all([articles.listPublished(filter, PAGE_SIZE, (page.page - 1) * PAGE_SIZE), articles.countPublished(filter)]);
  return sendListPage(site, request, reply, page, {
    count: shown.length,
    total,
    deps: list.articles(shown),
    render: (ctx) => <ArticleList articles={shown} ctx={ctx} headingLevel={2} />,
  });
}
