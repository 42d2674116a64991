/**
 * Article commands: policy → validate → rule → persist in one transaction (with a revision) → emit the event the
 * reading site listens to. A save by a person (SaveOptions.actor) is checked against the policy inside its own
 * transaction; the editorial service checks the other commands before it calls them. The demo loader and imports
 * call them directly, as no one in particular.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { ArticleStatus, Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { DomainError } from '../../lib/errors.js';
import { can, canSee, type Action, type Actor } from '../accounts/policy.js';
import { slugify } from '../../lib/slug.js';
import type { Lang } from '../../lib/i18n.js';
import { dayRange, toLocal } from '../../lib/time.js';
import { articleInputSchema, articleNotFound, assertAllowed, type ArticleInput, type ValidArticleInput } from './rules.js';
import { bodyImageIds, renderBody, withoutImages, type BodyDoc } from './body.js';
import {
  articleInput,
  articleRow,
  articleUpdatedAt,
  bodyImages,
  dueScheduled,
  flagRubricIds,
  flagRubricIdsOf,
  insertArticle,
  insertRevision,
  missingIds,
  publishIfDue,
  recordSlugMove,
  removeRubricsFromOthers,
  replaceRelations,
  revisionSnapshot,
  setTranslationGroup,
  slugHolder,
  translationOriginal,
  updateArticle,
  updateArticleIn,
  type ArticleRow,
} from './command-store.js';
import { footprintOf } from './store.js';
import { toSnapshot, type ArticleSnapshot } from './revisions.js';
import { lockedAndAllowed, type ActorCheck } from './locked.js';
import { isLive, WorkingCopies, type SaveOutcome, type WorkingCopy } from './working-copy.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Ids an article refers to that are not in the database: rubrics, authors, the cover, images in the body. */
export interface MissingReferences {
  rubrics: number[];
  authors: number[];
  cover: number | null;
  bodyImages: number[];
}

export interface SaveOptions {
  /** The user saving: recorded in the revision. */
  by?: number | null;
  /**
   * The person saving, when it is one. The save then checks the policy on the article as its own transaction reads
   * it (so a change of status made meanwhile counts): `article.edit`, and `action` when given. Only those who may
   * choose the Story of the day set or clear its flag, and a translation is linked only to what they may see.
   */
  actor?: Actor;
  /** The workflow action the save comes before (a button of the editor): the actor must be allowed it as well. */
  action?: Action;
  /** Optimistic lock: the updated_at the editor started from. */
  expectedUpdatedAt?: string;
}

/** The detail of a refused translation link, which the editor's page translates. */
export const TRANSLATION_NOT_VISIBLE = 'translationOf: not an article you may link to';
export const TRANSLATION_OF_ITSELF = 'translationOf: the article itself';

function invalid(issues: Array<{ path: PropertyKey[]; message: string }>): DomainError {
  return new DomainError('VALIDATION', 'The article is not valid.', issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`));
}

export class ArticleService {
  private readonly copies: WorkingCopies;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
    private readonly timeZone: () => string = () => 'UTC',
  ) {
    this.copies = new WorkingCopies(db, events, now, (trx, id, input, revised) => this.writeCopy(trx, id, input, revised));
  }

  private async renderHtml(trx: Trx, body: BodyDoc): Promise<string> {
    return renderBody(body, await bodyImages(trx, bodyImageIds(body)));
  }

  private async uniqueSlug(trx: Trx, lang: Lang, wanted: string, explicit: boolean, selfId?: number): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? wanted : `${wanted}-${n}`;
      const owner = await slugHolder(trx, lang, candidate);
      if (owner === undefined || owner === selfId) return candidate;
      if (explicit) throw new DomainError('SLUG_TAKEN', `The address “${candidate}” is already used by another article in this language.`);
    }
  }

  /**
   * The translation group an article joins by naming its original. Linking also writes the group on the
   * original when it has none: that is part of linking, so a person needs only to see the original (an
   * author: a published article or their own), not to have the right to edit it.
   */
  private async translationGroup(trx: Trx, translationOf: number | null, actor: Actor | undefined, selfId?: number): Promise<number | null> {
    if (translationOf === null) return null;
    if (translationOf === selfId) throw new DomainError('VALIDATION', 'An article cannot be a translation of itself.', [TRANSLATION_OF_ITSELF]);
    const original = await translationOriginal(trx, translationOf);
    if (!original) throw new DomainError('VALIDATION', 'The article refers to things that do not exist.', [`translationOf: article ${translationOf} does not exist`]);
    if (actor && !canSee(actor, { createdBy: original.created_by, status: original.status })) {
      throw new DomainError('VALIDATION', 'A translation can be linked only to a published article or to one of your own.', [TRANSLATION_NOT_VISIBLE]);
    }
    const group = original.translation_group ?? original.id;
    if (original.translation_group === null) await setTranslationGroup(trx, original.id, group);
    return group;
  }

  /** The group after a save: kept when the link is unchanged, else the new original's (see translationGroup). */
  private async relinkedGroup(trx: Trx, row: { id: number; translation_group: number | null }, linkedNow: number | null, wanted: number | null, actor: Actor | undefined): Promise<number | null> {
    if (wanted === linkedNow) return row.translation_group;
    return this.translationGroup(trx, wanted, actor, row.id);
  }

  /** Only those who may choose the Story of the day set or clear a flag rubric: for anyone else the flags stay as they were. */
  private async flagsKept(trx: Trx, actor: Actor | undefined, wanted: number[], current: number[]): Promise<number[]> {
    if (!actor || can(actor, 'article.storyOfTheDay')) return wanted;
    const flags = await flagRubricIds(trx);
    return [...wanted.filter((id) => !flags.has(id)), ...current.filter((id) => flags.has(id))];
  }

  /** The rubrics, authors and images an article refers to that do not exist (any more). */
  private async missingReferences(db: Db, a: Pick<ValidArticleInput, 'rubricIds' | 'authors' | 'coverImageId' | 'body'>): Promise<MissingReferences> {
    return {
      rubrics: await missingIds(db, 'rubrics', a.rubricIds),
      authors: await missingIds(db, 'authors', a.authors.map((au) => au.authorId)),
      cover: (await missingIds(db, 'images', a.coverImageId === null ? [] : [a.coverImageId]))[0] ?? null,
      bodyImages: await missingIds(db, 'images', bodyImageIds(a.body)),
    };
  }

  /** Every rubric, author and image the input names must exist; a clear 400 instead of a foreign-key failure. */
  private async checkReferences(trx: Trx, a: ValidArticleInput): Promise<void> {
    const m = await this.missingReferences(trx, a);
    const problems = [
      ...m.rubrics.map((id) => `rubricIds: rubric ${id} does not exist`),
      ...m.authors.map((id) => `authors: author ${id} does not exist`),
      ...(m.cover === null ? [] : [`coverImageId: image ${m.cover} does not exist`]),
      ...m.bodyImages.map((id) => `body: image ${id} does not exist`),
    ];
    if (problems.length) throw new DomainError('VALIDATION', 'The article refers to things that do not exist.', problems);
  }

  private async recordRevision(trx: Trx, id: number, snapshot: ArticleSnapshot, by: number | null): Promise<void> {
    await insertRevision(trx, { articleId: id, by, at: this.now().toISOString(), snapshot });
  }

  /**
   * One Story of the day per local day and language: when this article carries a flag rubric, the flag
   * is taken off every other article of its language on the same day.
   */
  private async demoteOtherStories(trx: Trx, id: number): Promise<void> {
    const flags = await flagRubricIdsOf(trx, id);
    if (flags.length === 0) return;
    const row = (await articleRow(trx, id))!;
    const zone = this.timeZone();
    const day = dayRange(toLocal(row.published_at ? new Date(row.published_at) : this.now(), zone), zone);
    await removeRubricsFromOthers(trx, { articleId: id, lang: row.lang, from: day.start.toISOString(), to: day.end.toISOString(), rubricIds: flags });
  }

  /** The columns an editor's input sets, with the body rendered to HTML. */
  private async contentColumns(trx: Trx, a: ValidArticleInput) {
    return {
      headline: a.headline,
      lead: a.lead,
      body_json: JSON.stringify(a.body),
      body_html: await this.renderHtml(trx, a.body),
      cover_image_id: a.coverImageId,
      dateline_city: a.city,
      seo_title: a.seoTitle,
      seo_description: a.seoDescription,
    };
  }

  private parse(input: ArticleInput): ValidArticleInput {
    const parsed = articleInputSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    return parsed.data;
  }

  /** Creates a draft and returns its id. */
  async createDraft(input: ArticleInput, options: SaveOptions = {}): Promise<number> {
    const parsed = this.parse(input);
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const a = { ...parsed, rubricIds: await this.flagsKept(trx, options.actor, parsed.rubricIds, []) };
      await this.checkReferences(trx, a);
      const slug = await this.uniqueSlug(trx, a.lang, a.slug ?? slugify(a.headline), a.slug !== undefined);
      const id = await insertArticle(trx, {
        status: 'draft',
        lang: a.lang,
        translation_group: await this.translationGroup(trx, a.translationOf, options.actor),
        slug,
        ...(await this.contentColumns(trx, a)),
        published_at: null,
        revised_at: null,
        created_at: at,
        updated_at: at,
        view_count: 0,
        created_by: options.by ?? null,
        submitted_at: null,
      });
      await replaceRelations(trx, id, a.lang, a);
      await this.recordRevision(trx, id, toSnapshot({ ...a, slug }), options.by ?? null);
      return id;
    });
  }

  /**
   * Saves an article: the fields given replace the current ones, and every save is a revision. A draft (or an
   * article in review or withdrawn) changes at once. A live article (published or scheduled) keeps what readers
   * see: the save goes into its working copy, which goes live only through a publication (`publishChanges`,
   * `publish`, `schedule`) and can be discarded. The optimistic lock compares with the working copy when there is one.
   */
  async update(id: number, patch: Partial<ArticleInput>, options: SaveOptions = {}): Promise<SaveOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const { actor, action } = options;
      const row = await lockedAndAllowed(trx, id, actor && { actor, action: 'article.edit' });
      if (actor && action) assertAllowed(actor, action, { createdBy: row.created_by, status: row.status });
      const copy = await this.copies.get(id, trx);
      if (options.expectedUpdatedAt && options.expectedUpdatedAt !== (copy?.updatedAt ?? row.updated_at)) {
        throw new DomainError('CONFLICT', 'Someone else saved this article in the meantime. Reload it to see their changes.');
      }
      const lang = row.lang as Lang;
      // What readers see (of a live article) and what the editor started from (its working copy, if any).
      const saved = await articleInput(trx, row);
      const current = copy?.input ?? saved;
      const rubricIds = patch.rubricIds && (await this.flagsKept(trx, actor, patch.rubricIds, current.rubricIds ?? []));
      const given = Object.fromEntries(Object.entries({ ...patch, rubricIds }).filter(([, v]) => v !== undefined));
      const a = this.parse({ ...current, ...given, lang });
      await this.checkReferences(trx, a);
      const linkedNow = saved.translationOf ?? null;
      if (isLive(row.status)) {
        const slug = a.slug === undefined || a.slug === row.slug ? row.slug : await this.uniqueSlug(trx, lang, a.slug, true, id);
        // A new translation link is checked now, though it is written only when the copy goes live.
        await this.relinkedGroup(trx, row, linkedNow, a.translationOf, actor);
        return this.copies.save(trx, id, { ...a, slug }, this.parse({ ...saved, lang }), options.by ?? null);
      }
      const slug = await this.applyInput(trx, row, a, { linkedNow, actor, revised: false });
      await this.recordRevision(trx, id, toSnapshot({ ...a, slug }), options.by ?? null);
      return 'saved';
    });
  }

  /** Writes an editor's input into the article row and its relations; returns the slug it ends up with. */
  private async applyInput(trx: Trx, row: ArticleRow, a: ValidArticleInput, how: { linkedNow: number | null; actor?: Actor; revised: boolean }): Promise<string> {
    const id = row.id;
    const lang = row.lang as Lang;
    const now = this.now().toISOString();
    const changes: Updateable<Database['articles']> = {
      updated_at: now,
      ...(await this.contentColumns(trx, a)),
      translation_group: await this.relinkedGroup(trx, row, how.linkedNow, a.translationOf, how.actor),
    };
    let slug = row.slug;
    if (a.slug !== undefined && a.slug !== row.slug) {
      slug = await this.uniqueSlug(trx, lang, a.slug, true, id);
      await recordSlugMove(trx, lang, id, row.slug, slug);
      changes.slug = slug;
    }
    if (how.revised) changes.revised_at = now;
    await updateArticle(trx, id, changes);
    await replaceRelations(trx, id, lang, a);
    await this.demoteOtherStories(trx, id);
    return slug;
  }

  /** Writes a working copy's input into its article as it goes live. */
  private async writeCopy(trx: Trx, id: number, input: ArticleInput, revised: boolean): Promise<void> {
    const row = (await articleRow(trx, id))!;
    const live = await articleInput(trx, row);
    const a = this.parse({ ...input, lang: row.lang as Lang });
    await this.checkReferences(trx, a);
    await this.applyInput(trx, row, a, { linkedNow: live.translationOf ?? null, revised });
  }

  /** A live article's unpublished edits, or null when readers see what the editor last saved. */
  workingCopy(id: number): Promise<WorkingCopy | null> {
    return this.copies.get(id);
  }

  /** "Update on site" (see WorkingCopies.publish); false when there was nothing to publish. */
  publishChanges(id: number, check?: ActorCheck): Promise<boolean> {
    return this.copies.publish(id, check);
  }

  /** Drops the working copy: the editor goes back to what readers see. */
  discardChanges(id: number, check?: ActorCheck): Promise<void> {
    return this.copies.discard(id, check);
  }

  /**
   * Runs `read` against the article as it would be with this input over its working copy (or its saved text),
   * then rolls everything back: nothing is saved and no event is emitted. The editor's preview uses it.
   */
  async withUnsaved<T>(id: number, patch: Partial<ArticleInput>, read: (db: Trx) => Promise<T>): Promise<T> {
    const rollback = new Error('preview only');
    let result: T | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = await articleRow(trx, id);
        if (!row) throw articleNotFound(id);
        const copy = await this.copies.get(id, trx);
        const live = await this.currentInput(trx, id);
        const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const a = this.parse({ ...(copy?.input ?? live), ...given, lang: row.lang as Lang });
        await this.checkReferences(trx, a);
        await this.applyInput(trx, row, a, { linkedNow: live.translationOf ?? null, revised: row.status === 'published' });
        result = await read(trx);
        throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return result as T;
  }

  /** The article as editor input, so a partial update can fill in what it does not change. */
  async currentInput(db: Db | Trx, id: number): Promise<ArticleInput & { lang: Lang }> {
    const row = await articleRow(db, id);
    if (!row) throw articleNotFound(id);
    return articleInput(db, row);
  }

  private async transition(
    id: number,
    allowed: ArticleStatus[],
    to: Updateable<Database['articles']>,
    event: 'article.published' | 'article.unpublished' | 'article.updated' | undefined,
    check: ActorCheck | undefined,
  ): Promise<void> {
    const seen = await this.db.transaction().execute(async (trx) => {
      const { status } = await lockedAndAllowed(trx, id, check);
      const before = await footprintOf(trx, id);
      if (!(await updateArticleIn(trx, id, allowed, { ...to, updated_at: this.now().toISOString() }))) {
        throw new DomainError('INVALID_TRANSITION', `A ${status} article cannot move to ${String(to.status)}.`);
      }
      // Whatever the article becomes, the editor's pending edits come with it: they go live with a publication,
      // and an article leaving the site has nothing to keep apart from.
      await this.copies.apply(trx, id, false);
      if (to.status === 'published' || to.status === 'scheduled') await this.demoteOtherStories(trx, id);
      return { before, after: await footprintOf(trx, id) };
    });
    if (event) this.events.emit({ type: event, articleId: id, ...seen });
  }

  /** Publishes now, or at a given past instant (imports and the demo use that). */
  publish(id: number, at: Date = this.now(), check?: ActorCheck): Promise<void> {
    return this.transition(id, ['draft', 'review', 'scheduled', 'unpublished'], { status: 'published', published_at: at.toISOString() }, 'article.published', check);
  }

  /** A publication time must be in the future. */
  checkScheduleTime(at: Date): void {
    if (at.getTime() <= this.now().getTime()) throw new DomainError('VALIDATION', 'The publication time must be in the future.', ['publishAt: must be in the future']);
  }

  /** Publishes at a future instant; the scheduler makes it public then. */
  schedule(id: number, at: Date, check?: ActorCheck): Promise<void> {
    this.checkScheduleTime(at);
    return this.transition(id, ['draft', 'review', 'scheduled'], { status: 'scheduled', published_at: at.toISOString() }, 'article.updated', check);
  }

  submitForReview(id: number, check?: ActorCheck): Promise<void> {
    return this.transition(id, ['draft'], { status: 'review', submitted_at: this.now().toISOString() }, undefined, check);
  }

  /** Back to draft: an editor returns a submission, or takes a scheduled article off the queue. */
  backToDraft(id: number, check?: ActorCheck): Promise<void> {
    return this.transition(id, ['review', 'scheduled', 'unpublished'], { status: 'draft', published_at: null }, 'article.updated', check);
  }

  unpublish(id: number, check?: ActorCheck): Promise<void> {
    return this.transition(id, ['published'], { status: 'unpublished' }, 'article.unpublished', check);
  }

  /**
   * Publishes every scheduled article whose time has come, each exactly once: the conditional update
   * succeeds for one caller only, however many nodes or restarts race for it.
   */
  async publishDue(): Promise<number[]> {
    const now = this.now().toISOString();
    const published: number[] = [];
    for (const id of await dueScheduled(this.db, now)) {
      if (await publishIfDue(this.db, id, now)) {
        published.push(id);
        // A scheduled article was on no page before.
        this.events.emit({ type: 'article.published', articleId: id, before: null, after: await footprintOf(this.db, id) });
      }
    }
    return published;
  }

  /**
   * Saves an earlier revision as the current text. Rubrics, bylines and images deleted since that revision was
   * written are left out (and reported), so an old revision can always be restored.
   */
  async restoreRevision(id: number, revisionId: number, options: SaveOptions = {}): Promise<MissingReferences & { outcome: SaveOutcome }> {
    const s = await revisionSnapshot(this.db, id, revisionId);
    if (!s) throw new DomainError('NOT_FOUND', 'This revision does not exist.');
    const gone = await this.missingReferences(this.db, s);
    const outcome = await this.update(
      id,
      {
        ...s,
        slug: s.slug,
        rubricIds: s.rubricIds.filter((r) => !gone.rubrics.includes(r)),
        authors: s.authors.filter((au) => !gone.authors.includes(au.authorId)),
        coverImageId: s.coverImageId === gone.cover ? null : s.coverImageId,
        body: gone.bodyImages.length ? withoutImages(s.body, new Set(gone.bodyImages)) : s.body,
      },
      options,
    );
    return { ...gone, outcome };
  }

  /** Rows changed since: used by the optimistic lock of the editor. */
  updatedAt(id: number): Promise<string | null> {
    return articleUpdatedAt(this.db, id);
  }
}

