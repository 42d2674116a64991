/**
 * Published articles as the reading site reads them: the articles store's reads bound to the database, the old
 * addresses of rubrics, tags and authors, and the read models an article page is made from. Published articles change
 * only through events, so the article a slug leads to and each article page's model are kept until an event changes
 * what they show. Built once by the composition root: every language's routes share its memos.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import type { Lang } from '../../lib/i18n.js';
import { EventMemo } from '../../lib/memo.js';
import { Dependencies } from '../../lib/dependencies.js';
import { currentRubricSlug, currentTagSlug } from '../taxonomy/store.js';
import { currentAuthorSlug } from '../authors/store.js';
import * as store from './store.js';
import { articleDependencies, articlePageModel } from './pages.js';
import type { ArticlePageModel, FrontPageModel } from './views.js';

type SlugTarget = Awaited<ReturnType<typeof store.findBySlug>>;

const SLUGS = new Dependencies().tag('slugs');

/** What a list page of articles reads. */
export type ArticleLists = Pick<ArticleReader, 'listPublished' | 'countPublished'>;

export class ArticleReader {
  /** An address may be taken by another article or given up, whichever article it leads to now. */
  private readonly slugs: EventMemo<SlugTarget>;
  private readonly models: EventMemo<ArticlePageModel>;

  constructor(
    private readonly db: Kysely<Database>,
    events: EventBus,
  ) {
    // One memo for both languages: room for as many entries as one per language used to have.
    this.slugs = new EventMemo<SlugTarget>(events, (found) => (found && 'id' in found ? new Dependencies().tag('slugs').tag(`article:${found.id}`) : SLUGS), 10_000);
    this.models = new EventMemo<ArticlePageModel>(events, articleDependencies, 1000);
  }

  listPublished(filter: store.ListFilter, limit: number, offset = 0): Promise<store.ArticleSummary[]> {
    return store.listPublished(this.db, filter, limit, offset);
  }

  countPublished(filter: store.ListFilter): Promise<number> {
    return store.countPublished(this.db, filter);
  }

  /** The article at a slug in a language, in any status, or where the article that had it lives now. */
  findBySlug(lang: Lang, slug: string): Promise<SlugTarget> {
    return this.slugs.get(`${lang}:${slug}`, () => store.findBySlug(this.db, lang, slug));
  }

  /** Everything the page of article `id` shows. */
  pageModel(id: number): Promise<ArticlePageModel> {
    return this.models.get(String(id), () => articlePageModel(this.db, id));
  }

  /** The home page: the newest article of the Story of the day, the latest others, and the newest of each rubric. */
  async frontPage(lang: Lang): Promise<FrontPageModel> {
    const rubrics = await store.listRubrics(this.db, lang);
    const flag = rubrics.find((r) => r.isFlag) ?? null;
    const [story] = flag ? await store.listPublished(this.db, { lang, rubricId: flag.id }, 1) : [];
    const latest = await store.listPublished(this.db, { lang, excludeIds: story ? [story.id] : [] }, 10);
    const blocks = await Promise.all(
      rubrics.filter((r) => !r.isFlag).map(async (rubric) => ({ rubric, articles: await store.listPublished(this.db, { lang, rubricId: rubric.id }, 4) })),
    );
    return { rubrics, flag, story: story ?? null, latest, blocks };
  }

  findRubric(slug: string) {
    return store.findRubric(this.db, slug);
  }

  findTag(lang: Lang, slug: string) {
    return store.findTag(this.db, lang, slug);
  }

  findAuthor(slug: string) {
    return store.findAuthor(this.db, slug);
  }

  findImage(id: number): Promise<store.ImageRef | null> {
    return store.findImage(this.db, id);
  }

  /** Where the rubric that had `oldSlug` lives now, or null. */
  currentRubricSlug(oldSlug: string): Promise<string | null> {
    return currentRubricSlug(this.db, oldSlug);
  }

  currentTagSlug(lang: Lang, oldSlug: string): Promise<string | null> {
    return currentTagSlug(this.db, lang, oldSlug);
  }

  currentAuthorSlug(oldSlug: string): Promise<string | null> {
    return currentAuthorSlug(this.db, oldSlug);
  }
}
