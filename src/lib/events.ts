/** Domain events. Listeners run synchronously after the change is committed. */
import { z } from 'zod';

const id = z.number().int().positive();
// The bound keeps any event well within PostgreSQL's 8000-byte NOTIFY payload (an article has at most 20 tags).
const ids = z.array(id).max(500);

/**
 * What readers could see of an article: null while it is not on the site. An article event carries it from before
 * and after the change, so that the caches drop the pages of every list the article left, joined or moved in.
 */
const footprintSchema = z
  .object({
    slug: z.string().max(200),
    publishedAt: z.string().max(40),
    rubricIds: ids,
    tagIds: ids,
    authorIds: ids,
    /** The other articles of its translation group: their pages link to it. */
    translationIds: ids,
  })
  .nullable();

export type ArticleFootprint = z.infer<typeof footprintSchema>;

const articleEvent = <T extends string>(type: T) => z.object({ type: z.literal(type), articleId: id, before: footprintSchema, after: footprintSchema });

/** The events as they cross between nodes: checked on arrival like any other input. */
export const domainEventSchema = z.discriminatedUnion('type', [
  articleEvent('article.published'),
  articleEvent('article.updated'),
  articleEvent('article.unpublished'),
  z.object({ type: z.literal('settings.changed') }),
  // The rubrics and tags whose name, address, order or existence changed.
  z.object({ type: z.literal('taxonomy.changed'), rubricIds: ids, tagIds: ids }),
  z.object({ type: z.literal('author.changed'), authorId: id }),
  // Another node's events may have been missed (its relay connection was lost): drop everything derived.
  z.object({ type: z.literal('events.missed') }),
]);

export type DomainEvent = z.infer<typeof domainEventSchema>;

/** 'local': the change was made by this process; 'remote': another node made it and the relay brought it here. */
export type EventOrigin = 'local' | 'remote';

type Listener = (event: DomainEvent, origin: EventOrigin) => void;

export class EventBus {
  private listeners: Listener[] = [];

  on(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(event: DomainEvent, origin: EventOrigin = 'local'): void {
    for (const listener of this.listeners) listener(event, origin);
  }
}
