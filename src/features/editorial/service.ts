/**
 * The newsroom's commands on articles, with the policy enforced here and not only in templates:
 * an author works on their own drafts and submits them; editors publish, schedule and withdraw.
 */
import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../../storage/schema.js';
import { containsText } from '../../storage/like.js';
import { DomainError } from '../../lib/errors.js';
import { fromLocal } from '../../lib/time.js';
import { can, type Action, type Actor } from '../accounts/policy.js';
import type { ArticleService, MissingReferences } from '../articles/service.js';
import type { ArticleInput } from '../articles/rules.js';
import { diffSnapshots, type ArticleSnapshot, type FieldDiff } from '../articles/revisions.js';

export interface EditorialArticle {
  id: number;
  status: ArticleStatus;
  lang: 'ru' | 'en';
  slug: string;
  updatedAt: string;
  publishedAt: string | null;
  revisedAt: string | null;
  createdBy: number | null;
  input: ArticleInput & { lang: 'ru' | 'en' };
}

export interface ArticleListItem {
  id: number;
  status: ArticleStatus;
  lang: string;
  headline: string;
  slug: string;
  updatedAt: string;
  publishedAt: string | null;
  createdBy: number | null;
}

export const PAGE = 30;

export class EditorialService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly articles: ArticleService,
    private readonly timeZone: () => string,
  ) {}

  private async resource(id: number) {
    const row = await this.db.selectFrom('articles').select(['id', 'status', 'created_by', 'lang', 'slug', 'updated_at', 'published_at', 'revised_at']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('ARTICLE_NOT_FOUND', 'This article does not exist.');
    return row;
  }

  /** Checks the policy for an action on an article; throws FORBIDDEN with a reason a person understands. */
  private async authorize(actor: Actor, action: Action, id: number) {
    const row = await this.resource(id);
    if (!can(actor, action, { createdBy: row.created_by, status: row.status })) {
      throw new DomainError('FORBIDDEN', actor.role === 'author' ? 'Authors can change only their own drafts; publishing is for editors.' : 'Your role does not allow this.');
    }
    return row;
  }

  private async flagRubricIds(): Promise<Set<number>> {
    const rows = await this.db.selectFrom('rubrics').select('id').where('is_flag', '=', 1).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Only editors may set or clear editorial flags such as Story of the day; others keep what was there. */
  private async guardFlags(actor: Actor, wanted: number[] | undefined, current: number[]): Promise<number[] | undefined> {
    if (wanted === undefined || can(actor, 'article.storyOfTheDay')) return wanted;
    const flags = await this.flagRubricIds();
    return [...wanted.filter((id) => !flags.has(id)), ...current.filter((id) => flags.has(id))];
  }

  async get(actor: Actor, id: number): Promise<EditorialArticle> {
    const row = await this.authorize(actor, 'article.read', id);
    return {
      id,
      status: row.status,
      lang: row.lang as 'ru' | 'en',
      slug: row.slug,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      revisedAt: row.revised_at,
      createdBy: row.created_by,
      input: await this.articles.currentInput(this.db, id),
    };
  }

  async create(actor: Actor, input: ArticleInput): Promise<number> {
    if (!can(actor, 'article.create')) throw new DomainError('FORBIDDEN', 'Your role does not allow writing articles.');
    const rubricIds = await this.guardFlags(actor, input.rubricIds, []);
    return this.articles.createDraft({ ...input, rubricIds }, { by: actor.id });
  }

  async save(actor: Actor, id: number, patch: Partial<ArticleInput>, expectedUpdatedAt?: string): Promise<void> {
    await this.authorize(actor, 'article.edit', id);
    const current = await this.articles.currentInput(this.db, id);
    const rubricIds = await this.guardFlags(actor, patch.rubricIds, current.rubricIds ?? []);
    await this.articles.update(id, { ...patch, rubricIds }, { by: actor.id, expectedUpdatedAt });
  }

  async submit(actor: Actor, id: number): Promise<void> {
    await this.authorize(actor, 'article.submit', id);
    await this.articles.submitForReview(id);
  }

  async publish(actor: Actor, id: number): Promise<void> {
    await this.authorize(actor, 'article.publish', id);
    await this.articles.publish(id);
  }

  /** Schedules for a local date and time in the site's zone, e.g. "2024-04-11T10:54". */
  async schedule(actor: Actor, id: number, local: string): Promise<Date> {
    await this.authorize(actor, 'article.publish', id);
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
    if (!m) throw new DomainError('VALIDATION', 'Give the publication date and time, e.g. 2024-04-11 10:54.', ['publishAt: not a date and time']);
    const [, y, mo, d, hh, mi] = m.map(Number) as [number, number, number, number, number, number];
    const at = fromLocal({ year: y, month: mo, day: d, hour: hh, minute: mi }, this.timeZone());
    await this.articles.schedule(id, at);
    return at;
  }

  async unpublish(actor: Actor, id: number): Promise<void> {
    await this.authorize(actor, 'article.unpublish', id);
    await this.articles.unpublish(id);
  }

  async backToDraft(actor: Actor, id: number): Promise<void> {
    await this.authorize(actor, 'article.publish', id);
    await this.articles.backToDraft(id);
  }

  async list(actor: Actor, filter: { status?: ArticleStatus; q?: string; page?: number }): Promise<{ items: ArticleListItem[]; total: number }> {
    if (!can(actor, 'article.create')) throw new DomainError('FORBIDDEN', 'Your role does not allow working with articles.');
    let q = this.db.selectFrom('articles');
    if (actor.role === 'author') q = q.where('created_by', '=', actor.id);
    if (filter.status) q = q.where('status', '=', filter.status);
    const text = filter.q?.trim();
    if (text) q = q.where((eb) => containsText(eb.ref('headline'), text));
    const page = Math.max(1, filter.page ?? 1);
    const [items, count] = await Promise.all([
      q
        .select(['id', 'status', 'lang', 'headline', 'slug', 'updated_at', 'published_at', 'created_by'])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(PAGE)
        .offset((page - 1) * PAGE)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(count.n),
      items: items.map((r) => ({ id: r.id, status: r.status, lang: r.lang, headline: r.headline, slug: r.slug, updatedAt: r.updated_at, publishedAt: r.published_at, createdBy: r.created_by })),
    };
  }

  async revisions(actor: Actor, id: number) {
    await this.authorize(actor, 'article.read', id);
    return this.db
      .selectFrom('article_revisions')
      .leftJoin('users', 'users.id', 'article_revisions.user_id')
      .select(['article_revisions.id', 'article_revisions.created_at', 'users.name as user_name'])
      .where('article_id', '=', id)
      .orderBy('article_revisions.id', 'desc')
      .execute();
  }

  async diff(actor: Actor, id: number, fromRevision: number, toRevision: number): Promise<FieldDiff[]> {
    await this.authorize(actor, 'article.read', id);
    const rows = await this.db.selectFrom('article_revisions').select(['id', 'snapshot']).where('article_id', '=', id).where('id', 'in', [fromRevision, toRevision]).execute();
    const a = rows.find((r) => r.id === fromRevision);
    const b = rows.find((r) => r.id === toRevision);
    if (!a || !b) throw new DomainError('NOT_FOUND', 'One of these revisions does not belong to this article.');
    return diffSnapshots(JSON.parse(a.snapshot) as ArticleSnapshot, JSON.parse(b.snapshot) as ArticleSnapshot);
  }

  /** Restores a revision; returns what it referred to that no longer exists and was left out. */
  async restore(actor: Actor, id: number, revisionId: number): Promise<MissingReferences> {
    await this.authorize(actor, 'article.edit', id);
    return this.articles.restoreRevision(id, revisionId, { by: actor.id });
  }
}
