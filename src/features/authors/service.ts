/** Author profile commands: policy → validation → persist → `author.changed` (bylines on cached pages change). */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { slugify } from '../../lib/slug.js';
import { withTranslation } from '../../lib/localized.js';
import { can, type Actor } from '../accounts/policy.js';
import { DomainError } from '../../lib/errors.js';
import { TRANSLATED_FIELDS, parseAuthorInput, type AuthorInput, type AuthorValues } from './rules.js';
import * as store from './store.js';

type Db = Kysely<Database>;

export const PHOTO_CHOICES = 60;

export class AuthorService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
  ) {}

  private check(actor: Actor | null): void {
    if (!can(actor, 'authors.manage')) throw new DomainError('FORBIDDEN', 'Only editors and the owner can edit author profiles.');
  }

  async list(actor: Actor | null): Promise<store.AuthorListItem[]> {
    this.check(actor);
    return store.listAuthors(this.db);
  }

  async get(actor: Actor | null, id: number): Promise<store.AuthorRow> {
    this.check(actor);
    const author = await store.getAuthor(this.db, id);
    if (!author) throw new DomainError('NOT_FOUND', `Author ${id} does not exist.`);
    return author;
  }

  /** Images to choose a photo from: the newest ones, and the current photo. */
  async photoChoices(actor: Actor | null, currentId: number | null): Promise<store.ImageChoice[]> {
    this.check(actor);
    return store.recentImages(this.db, PHOTO_CHOICES, currentId === null ? [] : [currentId]);
  }

  /** Creates a profile; its address comes from the English name, else the transliterated Russian one, unless given. */
  async create(actor: Actor | null, input: AuthorInput): Promise<number> {
    this.check(actor);
    const a = parseAuthorInput(input);
    const slug = a.slug ?? slugify(a.en.name || a.name);
    const id = await this.db.transaction().execute(async (trx) => {
      await this.checkSlugAndPhoto(trx, slug, null, a.photoImageId);
      await store.dropOldAuthorSlug(trx, slug);
      return store.insertAuthor(trx, { ...this.columns(a, '{}'), slug });
    });
    this.events.emit({ type: 'author.changed', authorId: id });
    return id;
  }

  /**
   * Saves a whole profile. Other translations stored in the row (other languages, other fields) are kept.
   * A new address keeps the old one as a redirect.
   */
  async update(actor: Actor | null, id: number, input: AuthorInput): Promise<void> {
    this.check(actor);
    const a = parseAuthorInput(input);
    await this.db.transaction().execute(async (trx) => {
      const current = await store.getAuthor(trx, id);
      if (!current) throw new DomainError('NOT_FOUND', `Author ${id} does not exist.`);
      const slug = a.slug ?? current.slug;
      await this.checkSlugAndPhoto(trx, slug, id, a.photoImageId);
      if (slug !== current.slug) {
        // The old address keeps answering with a 301; a new address that was an old one is taken over.
        await store.dropOldAuthorSlug(trx, slug);
        await store.keepOldAuthorSlug(trx, current.slug, id);
      }
      await store.updateAuthor(trx, id, { ...this.columns(a, current.translations), slug });
    });
    this.events.emit({ type: 'author.changed', authorId: id });
  }

  private columns(a: AuthorValues, translations: string): Omit<store.AuthorRow, 'id' | 'slug'> {
    let json = translations;
    for (const key of ['name', 'roleTitle', 'bio'] as const) json = withTranslation(json, 'en', TRANSLATED_FIELDS[key], a.en[key]);
    return { name: a.name, roleTitle: a.roleTitle, bio: a.bio, photoImageId: a.photoImageId, translations: json };
  }

  private async checkSlugAndPhoto(trx: Db, slug: string, forId: number | null, photoImageId: number | null): Promise<void> {
    const holder = await store.authorBySlug(trx, slug);
    if (holder && holder.id !== forId) {
      throw new DomainError('SLUG_TAKEN', `The address “${slug}” belongs to the profile of ${holder.name}.`, ['slug: taken'], { slug, by: holder.name });
    }
    if (photoImageId !== null && !(await store.imageExists(trx, photoImageId))) {
      throw new DomainError('VALIDATION', `Image ${photoImageId} does not exist.`, ['photoImageId: not in the media library']);
    }
  }
}
