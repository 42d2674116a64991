/**
 * A paginated list page of the reading site (the rubric, tag, author, day and month pages): a heading, an optional
 * picture and introduction, the list that its slice renders, and links to the pages before and after. Each list
 * route declares `pageQuery` as its querystring schema, so a page number that is not one is refused before the
 * handler runs, and the public scope answers it with a 400 page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { h, Fragment, type Html } from '../../lib/html.js';
import type { Dependencies } from '../../lib/dependencies.js';
import type { MonthRef, PageContext } from '../layout/context.js';
import { Layout } from '../layout/Layout.js';
import type { Site } from './site.js';

export const PAGE_SIZE = 12;

/** `?page=N`, from 1 (the first page when absent). */
export const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** Which page of which list: its address, heading and calendar month. */
export interface ListPage {
  /** The page number, from 1. */
  page: number;
  /** The first page's path; the others add `?page=N`. */
  path: string;
  title: string;
  intro?: string;
  /** Shown under the heading, before the introduction (an author's photo). */
  picture?: Html;
  month?: MonthRef;
  alternatePath?: string | null;
}

/** One page of the list, as its slice read it. */
export interface ListItems {
  /** How many items this page shows: none past the first page means the list has no such page. */
  count: number;
  /** How many the whole list holds. */
  total: number;
  /** The list itself (`rubric:3`, or the span of a day) and what this page shows of it, for the page cache. */
  deps: Dependencies;
  render(ctx: PageContext): Html;
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

function ListPageView({ ctx, list, items }: { ctx: PageContext; list: ListPage; items: ListItems }): Html {
  const title = list.page > 1 ? `${list.title} — ${ctx.tr.t('page', { n: list.page })}` : list.title;
  return (
    <Layout ctx={ctx} title={title} description={list.intro}>
      <section class="list-page">
        <h1>{list.title}</h1>
        {list.picture}
        {list.intro ? <p class="list-intro">{list.intro}</p> : null}
        {items.render(ctx)}
        <Pagination ctx={ctx} path={list.path} page={list.page} total={items.total} />
      </section>
    </Layout>
  );
}

/** Sends a page of a list in the request's language; a page past the end of the list is not found. */
export async function sendListPage(site: Site, request: FastifyRequest, reply: FastifyReply, list: ListPage, items: ListItems): Promise<FastifyReply> {
  const { lang } = request;
  if (list.page > 1 && items.count === 0) return site.sendError(request, reply, lang, 404);
  const ctx = await site.context(request, lang, list.page === 1 ? list.path : `${list.path}?page=${list.page}`, {
    month: list.month,
    alternatePath: list.alternatePath,
  });
  return site.send(request, reply, <ListPageView ctx={ctx} list={list} items={items} />, ctx.dependsOn.add(items.deps));
}
