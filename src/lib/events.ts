/** Domain events. Listeners run synchronously after the change is committed. */
import { z } from 'zod';

const id = z.number().int().positive();

/** The events as they cross between nodes: checked on arrival like any other input. */
export const domainEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('article.published'), articleId: id }),
  z.object({ type: z.literal('article.updated'), articleId: id }),
  z.object({ type: z.literal('article.unpublished'), articleId: id }),
  z.object({ type: z.literal('settings.changed') }),
  z.object({ type: z.literal('taxonomy.changed') }),
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
