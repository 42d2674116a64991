/**
 * Rubric and tag commands: policy → rule → persist in one transaction → `taxonomy.changed` naming the rubrics
 * and tags changed, which drops their pages, the pages that show them and (for a rubric) the rubric navigation.
 * A renamed address keeps answering with a 301.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import type { Lang } from '../../lib/i18n.js';
import { slugify } from '../../lib/slug.js';
import { withTranslation } from '../../lib/localized.js';
import { can, type Actor } from '../accounts/policy.js';
import { DomainError } from '../../lib/errors.js';
import {
  moveInOrder,
  parseInput,
  rubricCreateSchema,
  rubricRenameSchema,
  tagRenameSchema,
  type RubricCreateInput,
  type RubricRenameInput,
  type TagRenameInput,
} from './rules.js';
import * as store from './store.js';

type Db = Kysely<Database>;

export const TAGS_PAGE_SIZE = 50;

export class TaxonomyService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
  ) {}

  private check(actor: Actor | null): void {
    if (!can(actor, 'taxonomy.manage')) throw new DomainError('FORBIDDEN', 'Only editors and the owner can change rubrics and tags.');
  }

  private changed(changed: { rubricIds?: number[]; tagIds?: number[] }): void {
    this.events.emit({ type: 'taxonomy.changed', rubricIds: changed.rubricIds ?? [], tagIds: changed.tagIds ?? [] });
  }

  // ---- rubrics ----

  async listRubrics(actor: Actor | null): Promise<store.RubricListItem[]> {
    this.check(actor);
    return store.listRubricsForAdmin(this.db);
  }

  /** Creates a rubric at the end of the order; its address comes from the Russian name unless given. */
  async createRubric(actor: Actor | null, input: RubricCreateInput): Promise<number> {
    this.check(actor);
    const r = parseInput(rubricCreateSchema, input);
    const slug = r.slug ?? slugify(r.nameEn || r.name);
    const id = await this.db.transaction().execute(async (trx) => {
      await this.claimRubricSlug(trx, slug, null);
      return store.insertRubric(trx, {
        slug,
        name: r.name,
        translations: withTranslation('{}', 'en', 'name', r.nameEn),
        isFlag: r.isFlag,
        position: await store.nextRubricPosition(trx),
      });
    });
    this.changed({ rubricIds: [id] });
    return id;
  }

  /** Renames a rubric; a new address keeps the old one as a redirect, and taking back an old address of its own drops that redirect. */
  async renameRubric(actor: Actor | null, id: number, input: RubricRenameInput): Promise<void> {
    this.check(actor);
    const r = parseInput(rubricRenameSchema, input);
    await this.db.transaction().execute(async (trx) => {
      const rubric = await store.getRubric(trx, id);
      if (!rubric) throw new DomainError('NOT_FOUND', `Rubric ${id} does not exist.`, ['rubric: not found']);
      const slug = r.slug ?? rubric.slug;
      if (slug !== rubric.slug) {
        await this.claimRubricSlug(trx, slug, id);
        await store.keepOldRubricSlug(trx, rubric.slug, id);
      }
      const translations = r.nameEn === undefined ? rubric.translations : withTranslation(rubric.translations, 'en', 'name', r.nameEn);
      await store.updateRubric(trx, id, { slug, name: r.name ?? rubric.name, translations });
    });
    this.changed({ rubricIds: [id] });
  }

  /** Refuses an address held by another live rubric; frees it when it is only an old address. */
  private async claimRubricSlug(trx: Db, slug: string, forId: number | null): Promise<void> {
    const holder = await store.rubricSlugHolder(trx, slug);
    if (!holder) return;
    if ('live' in holder) {
      if (holder.live.id === forId) return;
      throw new DomainError('SLUG_TAKEN', `The address “${slug}” belongs to the rubric “${holder.live.name}”.`, ['slug: taken by a rubric'], { slug, by: holder.live.name });
    }
    await store.dropOldRubricSlug(trx, slug);
  }

  /** Puts the rubrics in this order (positions 0, 1, 2…); ids left out keep their place after them. */
  async reorderRubrics(actor: Actor | null, orderedIds: number[]): Promise<void> {
    this.check(actor);
    const order = await this.db.transaction().execute(async (trx) => {
      const all = await store.listRubricsForAdmin(trx);
      const known = new Set(all.map((r) => r.id));
      const first = [...new Set(orderedIds)].filter((id) => known.has(id));
      const rest = all.map((r) => r.id).filter((id) => !first.includes(id));
      await store.setRubricPositions(trx, [...first, ...rest]);
      return [...first, ...rest];
    });
    this.changed({ rubricIds: order });
  }

  /** Moves a rubric one place up or down among rubrics of its kind (flags apart from sections). */
  async moveRubric(actor: Actor | null, id: number, direction: 'up' | 'down'): Promise<void> {
    this.check(actor);
    const all = await store.listRubricsForAdmin(this.db);
    if (!all.some((r) => r.id === id)) throw new DomainError('NOT_FOUND', `Rubric ${id} does not exist.`, ['rubric: not found']);
    await this.reorderRubrics(actor, moveInOrder(all.map((r) => ({ id: r.id, group: r.isFlag ? 1 : 0 })), id, direction));
  }

  /** Deletes a rubric that no article (of any status) uses. */
  async deleteRubric(actor: Actor | null, id: number): Promise<void> {
    this.check(actor);
    await this.db.transaction().execute(async (trx) => {
      const rubric = await store.getRubric(trx, id);
      if (!rubric) throw new DomainError('NOT_FOUND', `Rubric ${id} does not exist.`, ['rubric: not found']);
      const count = await store.countRubricArticles(trx, id);
      if (count > 0) {
        throw new DomainError('RUBRIC_IN_USE', `The rubric “${rubric.name}” is used by ${count} article(s). Move them to another rubric first.`, undefined, { name: rubric.name, count });
      }
      await store.deleteRubricRow(trx, id);
    });
    this.changed({ rubricIds: [id] });
  }

  // ---- tags ----

  /** A page of tags (50) matching `q` in the name or, transliterated, in the address. */
  async searchTags(actor: Actor | null, query: { q?: string; lang?: Lang; page: number }): Promise<{ tags: store.TagListItem[]; total: number; pageSize: number }> {
    this.check(actor);
    const q = query.q?.trim() ?? '';
    const slugPart = q ? slugify(q) : '';
    const useSlug = slugPart !== '' && (slugPart !== 'article' || q.toLowerCase().includes('article'));
    const found = await store.searchTags(
      this.db,
      { q, lang: query.lang, limit: TAGS_PAGE_SIZE, offset: (Math.max(1, query.page) - 1) * TAGS_PAGE_SIZE },
      useSlug ? slugPart : null,
    );
    return { ...found, pageSize: TAGS_PAGE_SIZE };
  }

  /**
   * Merges tag `fromId` into the tag of the same language named by `target`: its address, or its
   * name (found the way the article editor finds tags, by the address of the name).
   */
  async mergeTagInto(actor: Actor | null, fromId: number, target: string): Promise<void> {
    this.check(actor);
    const from = await store.getTag(this.db, fromId);
    if (!from) throw new DomainError('NOT_FOUND', `Tag ${fromId} does not exist.`, ['tag: not found']);
    const text = target.trim();
    const into = text ? ((await store.findTagBySlug(this.db, from.lang, text)) ?? (await store.findTagBySlug(this.db, from.lang, slugify(text)))) : undefined;
    if (!into) throw new DomainError('NOT_FOUND', `There is no tag “${text}” in this language.`, ['into: no such tag'], { tag: text });
    await this.mergeTags(actor, fromId, into.id);
  }

  /**
   * Renames a tag. Its address follows the new name unless one is given (the article editor finds
   * tags by the address of their name); the old address redirects to the new one.
   */
  async renameTag(actor: Actor | null, id: number, input: TagRenameInput): Promise<void> {
    this.check(actor);
    const t = parseInput(tagRenameSchema, input);
    await this.db.transaction().execute(async (trx) => {
      const tag = await store.getTag(trx, id);
      if (!tag) throw new DomainError('NOT_FOUND', `Tag ${id} does not exist.`, ['tag: not found']);
      const slug = t.slug ?? slugify(t.name);
      if (slug !== tag.slug) {
        const other = await store.findTagBySlug(trx, tag.lang, slug);
        if (other) {
          throw new DomainError('CONFLICT', `The tag “${other.name}” already has the address “${slug}”. Merge the two tags instead.`, ['slug: taken by a tag'], { slug, by: other.name });
        }
        await store.dropOldTagSlug(trx, tag.lang, slug);
        await store.keepOldTagSlug(trx, tag.lang, tag.slug, id);
      }
      await store.updateTag(trx, id, { slug, name: t.name });
    });
    this.changed({ tagIds: [id] });
  }

  /** Merges tag `fromId` into `intoId`: its articles get the other tag, its address redirects there, and it is deleted. */
  async mergeTags(actor: Actor | null, fromId: number, intoId: number): Promise<void> {
    this.check(actor);
    if (fromId === intoId) throw new DomainError('VALIDATION', 'A tag cannot be merged into itself.', ['into: the same tag']);
    await this.db.transaction().execute(async (trx) => {
      const from = await store.getTag(trx, fromId);
      const into = await store.getTag(trx, intoId);
      if (!from) throw new DomainError('NOT_FOUND', `Tag ${fromId} does not exist.`, ['tag: not found']);
      if (!into) throw new DomainError('NOT_FOUND', `Tag ${intoId} does not exist.`, ['tag: not found']);
      if (from.lang !== into.lang) throw new DomainError('VALIDATION', 'Only tags of the same language can be merged.', ['into: another language']);
      await store.mergeTagRows(trx, from, into.id);
    });
    this.changed({ tagIds: [fromId, intoId] });
  }
}
