/** Article commands: validate → rule → persist in one transaction → emit the event the site listens to. */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { DomainError } from '../../lib/errors.js';
import { slugify } from '../../lib/slug.js';
import type { Lang } from '../../lib/i18n.js';
import { articleInputSchema, type ArticleInput } from './rules.js';
import { bodyImageIds, renderBody, type BodyDoc, type BodyImage } from './body.js';
import { imageUrl } from './store.js';

type Db = Kysely<Database>;

export class ArticleService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async renderHtml(trx: Transaction<Database>, body: BodyDoc): Promise<string> {
    const ids = bodyImageIds(body);
    const images = new Map<number, BodyImage>();
    if (ids.length) {
      const rows = await trx.selectFrom('images').select(['id', 'file', 'width', 'height']).where('id', 'in', ids).execute();
      for (const r of rows) images.set(r.id, { id: r.id, url: imageUrl(r.file), width: r.width, height: r.height });
    }
    return renderBody(body, images);
  }

  private async tagIds(trx: Transaction<Database>, lang: Lang, names: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names) {
      const slug = slugify(name);
      const existing = await trx.selectFrom('tags').select('id').where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
      if (existing) ids.push(existing.id);
      else {
        const row = await trx.insertInto('tags').values({ lang, slug, name }).returning('id').executeTakeFirstOrThrow();
        ids.push(row.id);
      }
    }
    return [...new Set(ids)];
  }

  private async uniqueSlug(trx: Transaction<Database>, lang: Lang, wanted: string, explicit: boolean): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? wanted : `${wanted}-${n}`;
      const taken =
        (await trx.selectFrom('articles').select('id').where('lang', '=', lang).where('slug', '=', candidate).executeTakeFirst()) ??
        (await trx.selectFrom('article_slugs').select('article_id').where('lang', '=', lang).where('slug', '=', candidate).executeTakeFirst());
      if (!taken) return candidate;
      if (explicit) throw new DomainError('SLUG_TAKEN', `The address “${candidate}” is already used by another article in this language.`);
    }
  }

  /** Creates a draft and returns its id. */
  async createDraft(input: ArticleInput): Promise<number> {
    const parsed = articleInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new DomainError(
        'VALIDATION',
        'The article is not valid.',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }
    const a = parsed.data;
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const slug = await this.uniqueSlug(trx, a.lang, a.slug ?? slugify(a.headline), a.slug !== undefined);
      let group: number | null = null;
      if (a.translationOf !== null) {
        const original = await trx.selectFrom('articles').select(['id', 'translation_group']).where('id', '=', a.translationOf).executeTakeFirst();
        if (!original) throw new DomainError('ARTICLE_NOT_FOUND', `Article ${a.translationOf} to translate does not exist.`);
        group = original.translation_group ?? original.id;
        if (original.translation_group === null) {
          await trx.updateTable('articles').set({ translation_group: group }).where('id', '=', original.id).execute();
        }
      }
      const { id } = await trx
        .insertInto('articles')
        .values({
          status: 'draft',
          lang: a.lang,
          translation_group: group,
          slug,
          headline: a.headline,
          lead: a.lead,
          body_json: JSON.stringify(a.body),
          body_html: await this.renderHtml(trx, a.body),
          cover_image_id: a.coverImageId,
          dateline_city: a.city,
          seo_title: a.seoTitle,
          seo_description: a.seoDescription,
          published_at: null,
          revised_at: null,
          created_at: at,
          updated_at: at,
          view_count: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (a.authors.length) {
        await trx
          .insertInto('article_authors')
          .values(a.authors.map((au, position) => ({ article_id: id, author_id: au.authorId, role_title: au.role ?? null, position })))
          .execute();
      }
      if (a.rubricIds.length) {
        await trx.insertInto('article_rubrics').values([...new Set(a.rubricIds)].map((rubric_id) => ({ article_id: id, rubric_id }))).execute();
      }
      const tagIds = await this.tagIds(trx, a.lang, a.tags);
      if (tagIds.length) await trx.insertInto('article_tags').values(tagIds.map((tag_id) => ({ article_id: id, tag_id }))).execute();
      return id;
    });
  }

  /** Publishes now, or at the given past instant (imports and the demo use that). */
  async publish(id: number, at: Date = this.now()): Promise<void> {
    const row = await this.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('ARTICLE_NOT_FOUND', `Article ${id} does not exist.`);
    if (row.status === 'published') throw new DomainError('INVALID_TRANSITION', 'The article is already published.');
    await this.db
      .updateTable('articles')
      .set({ status: 'published', published_at: at.toISOString(), updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .execute();
    this.events.emit({ type: 'article.published', articleId: id });
  }

  async unpublish(id: number): Promise<void> {
    const result = await this.db
      .updateTable('articles')
      .set({ status: 'unpublished', updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new DomainError('INVALID_TRANSITION', 'Only a published article can be unpublished.');
    this.events.emit({ type: 'article.unpublished', articleId: id });
  }

  /** Edits text fields; a new slug keeps the old one as a redirect; an edit after publication sets "updated". */
  async edit(id: number, patch: { headline?: string; lead?: string; body?: BodyDoc; slug?: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('articles').select(['status', 'lang', 'slug']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('ARTICLE_NOT_FOUND', `Article ${id} does not exist.`);
      const lang = row.lang as Lang;
      const check = articleInputSchema.partial().safeParse({ headline: patch.headline, lead: patch.lead, body: patch.body, slug: patch.slug });
      if (!check.success) {
        throw new DomainError('VALIDATION', 'The change is not valid.', check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      }
      const now = this.now().toISOString();
      const changes: Updateable<Database['articles']> = { updated_at: now };
      if (patch.headline !== undefined) changes.headline = patch.headline.trim();
      if (patch.lead !== undefined) changes.lead = patch.lead.trim();
      if (patch.body !== undefined) {
        changes.body_json = JSON.stringify(patch.body);
        changes.body_html = await this.renderHtml(trx, patch.body);
      }
      if (patch.slug !== undefined && patch.slug !== row.slug) {
        await trx.deleteFrom('article_slugs').where('lang', '=', lang).where('slug', '=', patch.slug).where('article_id', '=', id).execute();
        changes.slug = await this.uniqueSlug(trx, lang, patch.slug, true);
        await trx.insertInto('article_slugs').values({ lang, slug: row.slug, article_id: id }).execute();
      }
      if (row.status === 'published') changes.revised_at = now;
      await trx.updateTable('articles').set(changes).where('id', '=', id).execute();
    });
    this.events.emit({ type: 'article.updated', articleId: id });
  }
}
