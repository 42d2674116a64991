/**
 * The newsroom's commands on articles, with the policy enforced here and not only in templates:
 * an author works on their own drafts and submits them; editors publish, schedule and withdraw.
 */
import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../../storage/schema.js';
import { DomainError } from '../../lib/errors.js';
import { fromLocal } from '../../lib/time.js';
import { can, type Action, type Actor } from '../accounts/policy.js';
import type { ArticleService, MissingReferences } from '../articles/service.js';
import type { SaveOutcome } from '../articles/working-copy.js';
import { assertAllowed, type ArticleInput } from '../articles/rules.js';
import type { ActorCheck } from '../articles/locked.js';
import { diffSnapshots, type ArticleSnapshot, type FieldDiff } from '../articles/revisions.js';
import { articleResource, editorOptions, listArticles, revisionSnapshots, revisionsOf, translationCandidateRows, userName, type EditorOptions, type EditorOptionsQuery } from './store.js';

export interface EditorialArticle {
  id: number;
  status: ArticleStatus;
  lang: 'ru' | 'en';
  slug: string;
  updatedAt: string;
  publishedAt: string | null;
  revisedAt: string | null;
  createdBy: number | null;
  /** What the editor works on: the working copy when there is one, else the saved article. */
  input: ArticleInput & { lang: 'ru' | 'en' };
  /** Unpublished edits of a live article: when they were saved and by whom. */
  workingCopy: { updatedAt: string; byName: string | null } | null;
}

/** What a workflow button does after the editor's fields are saved. */
export type WorkflowAction = 'publish' | 'update' | 'schedule' | 'submit' | 'draft' | 'unpublish';

/** What a revision is to readers: the version on the site (or in the schedule), the working copy, or neither. */
export type RevisionMark = 'live' | 'pending' | null;

export interface ArticleListItem {
  id: number;
  status: ArticleStatus;
  lang: string;
  headline: string;
  slug: string;
  updatedAt: string;
  publishedAt: string | null;
  createdBy: number | null;
  /** A live article with unpublished changes in its working copy. */
  pending: boolean;
}

export const PAGE = 30;

export interface TranslationCandidate {
  id: number;
  headline: string;
  lang: string;
  status: ArticleStatus;
}

/** How many articles one look-up of the translation picker returns. */
export const CANDIDATES_PAGE = 20;

export class EditorialService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly articles: ArticleService,
    private readonly timeZone: () => string,
  ) {}

  private async resource(id: number) {
    const row = await articleResource(this.db, id);
    if (!row) throw new DomainError('ARTICLE_NOT_FOUND', 'This article does not exist.');
    return row;
  }

  /** Checks the policy for an action on an article; throws FORBIDDEN with a reason a person understands. */
  private async authorize(actor: Actor, action: Action, id: number) {
    const row = await this.resource(id);
    assertAllowed(actor, action, { createdBy: row.created_by, status: row.status });
    return row;
  }

  async get(actor: Actor, id: number): Promise<EditorialArticle> {
    const row = await this.authorize(actor, 'article.read', id);
    const [saved, copy] = await Promise.all([this.articles.currentInput(this.db, id), this.articles.workingCopy(id)]);
    const byName = copy?.by == null ? null : await userName(this.db, copy.by);
    return {
      id,
      status: row.status,
      lang: row.lang as 'ru' | 'en',
      slug: row.slug,
      // The optimistic lock's stamp: a working copy's own, so two editors of a live article cannot overwrite each other.
      updatedAt: copy?.updatedAt ?? row.updated_at,
      publishedAt: row.published_at,
      revisedAt: row.revised_at,
      createdBy: row.created_by,
      input: copy ? { ...copy.input, lang: saved.lang } : saved,
      workingCopy: copy ? { updatedAt: copy.updatedAt, byName } : null,
    };
  }

  /** Creates a draft; the Story of the day is set only by those who may choose it (ArticleService.createDraft). */
  async create(actor: Actor, input: ArticleInput): Promise<number> {
    if (!can(actor, 'article.create')) throw new DomainError('FORBIDDEN', 'Your role does not allow writing articles.');
    return this.articles.createDraft(input, { by: actor.id, actor });
  }

  /**
   * Saves the fields given. The save decides the policy itself, on the article as its transaction reads it, and
   * keeps the Story of the day as it was for those who may not choose it (ArticleService.update).
   */
  async save(actor: Actor, id: number, patch: Partial<ArticleInput>, expectedUpdatedAt?: string): Promise<SaveOutcome> {
    return this.articles.update(id, patch, { by: actor.id, actor, expectedUpdatedAt });
  }

  /**
   * A workflow button of the editor: saves the fields on screen, then acts on them. The action is allowed (and a
   * schedule's time read) before anything is saved: what the role decides at once, what the article decides in the
   * save's transaction; a refused save acts on nothing.
   */
  async saveAndAct(actor: Actor, id: number, action: WorkflowAction, patch: Partial<ArticleInput>, options: { expectedUpdatedAt?: string; publishAt?: string } = {}): Promise<void> {
    const needs: Record<WorkflowAction, Action> = {
      publish: 'article.publish',
      update: 'article.publish',
      schedule: 'article.publish',
      submit: 'article.submit',
      draft: 'article.publish',
      unpublish: 'article.unpublish',
    };
    assertAllowed(actor, needs[action]);
    if (action === 'schedule') this.articles.checkScheduleTime(this.scheduleInstant(options.publishAt ?? ''));
    await this.articles.update(id, patch, { by: actor.id, actor, action: needs[action], expectedUpdatedAt: options.expectedUpdatedAt });
    await this.act(actor, id, action, options.publishAt);
  }

  /** A workflow action on what is saved (the working copy included); `publishAt` is a schedule's local time. */
  async act(actor: Actor, id: number, action: WorkflowAction, publishAt = ''): Promise<void> {
    switch (action) {
      case 'publish':
        return this.publish(actor, id);
      case 'update':
        return this.publishChanges(actor, id);
      case 'schedule':
        await this.schedule(actor, id, publishAt);
        return;
      case 'submit':
        return this.submit(actor, id);
      case 'draft':
        return this.backToDraft(actor, id);
      case 'unpublish':
        return this.unpublish(actor, id);
    }
  }

  /**
   * The role's right to an action, checked before any work; the command checks it again on the article's row, inside
   * its transaction (an author's right depends on the article's owner and status, which may change meanwhile).
   */
  private check(actor: Actor, action: Action): ActorCheck {
    assertAllowed(actor, action);
    return { actor, action };
  }

  /** "Update on site": a published article's working copy goes live. */
  async publishChanges(actor: Actor, id: number): Promise<void> {
    await this.articles.publishChanges(id, this.check(actor, 'article.publish'));
  }

  /** Reads the article as it would be with the fields on screen, saving nothing (the preview). */
  async preview<T>(actor: Actor, id: number, patch: Partial<ArticleInput>, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    await this.authorize(actor, 'article.read', id);
    return this.articles.withUnsaved(id, patch, read);
  }

  /** Drops a live article's working copy; its revisions stay in the history. */
  async discardChanges(actor: Actor, id: number): Promise<void> {
    await this.articles.discardChanges(id, this.check(actor, 'article.edit'));
  }

  async submit(actor: Actor, id: number): Promise<void> {
    await this.articles.submitForReview(id, this.check(actor, 'article.submit'));
  }

  async publish(actor: Actor, id: number): Promise<void> {
    await this.articles.publish(id, undefined, this.check(actor, 'article.publish'));
  }

  /** Schedules for a local date and time in the site's zone, e.g. "2024-04-11T10:54". */
  async schedule(actor: Actor, id: number, local: string): Promise<Date> {
    const check = this.check(actor, 'article.publish');
    const at = this.scheduleInstant(local);
    await this.articles.schedule(id, at, check);
    return at;
  }

  /** A local date and time in the site's zone, as the form's datetime-local field gives it. */
  private scheduleInstant(local: string): Date {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
    if (!m) throw new DomainError('VALIDATION', 'Give the publication date and time, e.g. 2024-04-11 10:54.', ['publishAt: not a date and time']);
    const [, y, mo, d, hh, mi] = m.map(Number) as [number, number, number, number, number, number];
    return fromLocal({ year: y, month: mo, day: d, hour: hh, minute: mi }, this.timeZone());
  }

  async unpublish(actor: Actor, id: number): Promise<void> {
    await this.articles.unpublish(id, this.check(actor, 'article.unpublish'));
  }

  async backToDraft(actor: Actor, id: number): Promise<void> {
    await this.articles.backToDraft(id, this.check(actor, 'article.publish'));
  }

  async list(actor: Actor, filter: { status?: ArticleStatus; q?: string; page?: number }): Promise<{ items: ArticleListItem[]; total: number }> {
    if (!can(actor, 'article.create')) throw new DomainError('FORBIDDEN', 'Your role does not allow working with articles.');
    const page = Math.max(1, filter.page ?? 1);
    const { rows, total } = await listArticles(this.db, {
      createdBy: actor.role === 'author' ? actor.id : undefined,
      status: filter.status,
      q: filter.q?.trim(),
      limit: PAGE,
      offset: (page - 1) * PAGE,
    });
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        lang: r.lang,
        headline: r.headline,
        slug: r.slug,
        updatedAt: r.updated_at,
        publishedAt: r.published_at,
        createdBy: r.created_by,
        pending: Boolean(Number(r.pending)),
      })),
    };
  }

  /**
   * Articles in `lang` that the actor may link a translation to (see canSee), newest first, optionally those
   * whose headline contains `q`. A page holds articles older than `before` (an id), so `next` continues it.
   */
  async translationCandidates(actor: Actor, query: { lang: 'ru' | 'en'; q?: string; exclude?: number; before?: number }): Promise<{ items: TranslationCandidate[]; next: number | null }> {
    if (!can(actor, 'article.create')) throw new DomainError('FORBIDDEN', 'Your role does not allow working with articles.');
    const rows = await translationCandidateRows(this.db, {
      lang: query.lang,
      visibleTo: actor.role === 'author' ? actor.id : undefined,
      exclude: query.exclude,
      before: query.before,
      q: query.q?.trim(),
      limit: CANDIDATES_PAGE + 1,
    });
    const items = rows.slice(0, CANDIDATES_PAGE);
    return { items, next: rows.length > CANDIDATES_PAGE ? items[items.length - 1]!.id : null };
  }

  /** Newest first; the live revision (of a published or scheduled article) and the working copy's are marked. */
  /** What the editor's form offers to choose from: authors, rubrics, the newest images, the linked original, the body's image files. */
  editorOptions(query: EditorOptionsQuery): Promise<EditorOptions> {
    return editorOptions(this.db, query);
  }

  async revisions(actor: Actor, id: number) {
    const row = await this.authorize(actor, 'article.read', id);
    const [rows, copy] = await Promise.all([revisionsOf(this.db, id), this.articles.workingCopy(id)]);
    const isLive = row.status === 'published' || row.status === 'scheduled';
    const liveId = isLive ? rows.find((r) => r.pending === 0)?.id : undefined;
    return rows.map(({ pending: _pending, ...r }) => ({ ...r, mark: (r.id === liveId ? 'live' : r.id === copy?.revisionId ? 'pending' : null) as RevisionMark }));
  }

  async diff(actor: Actor, id: number, fromRevision: number, toRevision: number): Promise<FieldDiff[]> {
    await this.authorize(actor, 'article.read', id);
    const rows = await revisionSnapshots(this.db, id, [fromRevision, toRevision]);
    const a = rows.find((r) => r.id === fromRevision);
    const b = rows.find((r) => r.id === toRevision);
    if (!a || !b) throw new DomainError('NOT_FOUND', 'One of these revisions does not belong to this article.');
    return diffSnapshots(JSON.parse(a.snapshot) as ArticleSnapshot, JSON.parse(b.snapshot) as ArticleSnapshot);
  }

  /** Restores a revision; returns what it referred to that no longer exists and was left out. */
  async restore(actor: Actor, id: number, revisionId: number): Promise<MissingReferences & { outcome: SaveOutcome }> {
    await this.authorize(actor, 'article.edit', id);
    return this.articles.restoreRevision(id, revisionId, { by: actor.id, actor });
  }
}
