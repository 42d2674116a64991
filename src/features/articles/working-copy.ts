/**
 * The working copy of a live article. Readers see only what an editor published: while an article is published
 * or scheduled, its saves (autosaves included) go into a working copy, with a pending revision, which goes live
 * only through a publication ("Update on site", publish, schedule) and can be discarded.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ArticleStatus, Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { DomainError } from '../../lib/errors.js';
import type { ArticleInput, ValidArticleInput } from './rules.js';
import { lockedAndAllowed, type ActorCheck } from './locked.js';
import { toSnapshot } from './revisions.js';
import { deleteWorkingCopy, insertRevision, markRevisionLive, saveWorkingCopyRow, workingCopyRow } from './command-store.js';
import { footprintOf } from './store.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** 'saved': the article is as saved (changed at once, or live with nothing pending); 'pending': it is live, and the changes wait in its working copy. */
export type SaveOutcome = 'saved' | 'pending';

/** Statuses whose text readers see or will see at a set time: their edits go to a working copy. */
const LIVE: readonly ArticleStatus[] = ['published', 'scheduled'];

export const isLive = (status: ArticleStatus): boolean => LIVE.includes(status);

export interface WorkingCopy {
  input: ArticleInput;
  updatedAt: string;
  by: number | null;
  revisionId: number | null;
  baseRevisionId: number | null;
}

/** Writes a working copy's input into its article, in the caller's transaction, checked as any save is. */
export type WriteCopy = (trx: Trx, id: number, input: ArticleInput, revised: boolean) => Promise<void>;

/**
 * Whether two inputs make the same article: every field a revision records, and the translation link. Both have
 * been through the input schema, which writes a body in one canonical form, so a body stored by an import or the
 * demo in another spelling of the same document (a figure's texts left out rather than empty) is no change.
 */
function sameContent(a: ValidArticleInput & { slug?: string }, b: ValidArticleInput & { slug?: string }): boolean {
  const key = (x: ValidArticleInput & { slug?: string }) => JSON.stringify([toSnapshot(x), x.translationOf]);
  return key(a) === key(b);
}

export class WorkingCopies {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly now: () => Date,
    private readonly write: WriteCopy,
  ) {}

  /** A live article's unpublished edits, or null when readers see what the editor last saved. */
  async get(id: number, db: Db = this.db): Promise<WorkingCopy | null> {
    const copy = await workingCopyRow(db, id);
    if (!copy) return null;
    return { input: JSON.parse(copy.input) as ArticleInput, updatedAt: copy.updated_at, by: copy.user_id, revisionId: copy.revision_id, baseRevisionId: copy.base_revision_id };
  }

  /**
   * A save of a live article, in the caller's transaction: the edits become its working copy, with a pending
   * revision, unless they are what readers see (back to it, or never away from it): then nothing is pending, so
   * there is no copy and nothing to publish.
   */
  async save(trx: Trx, id: number, edited: ValidArticleInput & { slug: string }, live: ValidArticleInput, by: number | null): Promise<SaveOutcome> {
    if (sameContent(edited, live)) {
      await deleteWorkingCopy(trx, id);
      return 'saved';
    }
    const at = this.now().toISOString();
    const revisionId = await insertRevision(trx, { articleId: id, by, at, snapshot: toSnapshot(edited), pending: true });
    await saveWorkingCopyRow(trx, { articleId: id, input: JSON.stringify(edited), revisionId, by, at });
    return 'pending';
  }

  /**
   * Makes the working copy the article's text, in the caller's transaction, and drops the copy; its revision
   * stops being pending. False when there is none.
   */
  async apply(trx: Trx, id: number, revised: boolean): Promise<boolean> {
    const copy = await workingCopyRow(trx, id);
    if (!copy) return false;
    await this.write(trx, id, JSON.parse(copy.input) as ArticleInput, revised);
    if (copy.revision_id !== null) await markRevisionLive(trx, copy.revision_id);
    await deleteWorkingCopy(trx, id);
    return true;
  }

  /**
   * "Update on site": the working copy of a published article goes live, as a publication (the page is marked
   * updated and every cache drops it). False when there was nothing to publish.
   */
  async publish(id: number, check?: ActorCheck): Promise<boolean> {
    const { applied, before, after } = await this.db.transaction().execute(async (trx) => {
      const { status } = await lockedAndAllowed(trx, id, check);
      if (status !== 'published') throw new DomainError('INVALID_TRANSITION', `A ${status} article has no version on the site to update.`);
      const before = await footprintOf(trx, id);
      const applied = await this.apply(trx, id, true);
      return { applied, before, after: applied ? await footprintOf(trx, id) : before };
    });
    if (applied) this.events.emit({ type: 'article.published', articleId: id, before, after });
    return applied;
  }

  /** Drops the working copy: the editor goes back to what readers see. Readers saw nothing, so no event. */
  async discard(id: number, check?: ActorCheck): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockedAndAllowed(trx, id, check);
      await deleteWorkingCopy(trx, id);
    });
  }
}
