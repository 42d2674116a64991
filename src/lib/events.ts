/** In-process domain events. Listeners run synchronously after the change is committed. */
export type DomainEvent =
  | { type: 'article.published'; articleId: number }
  | { type: 'article.updated'; articleId: number }
  | { type: 'article.unpublished'; articleId: number }
  | { type: 'settings.changed' }
  | { type: 'taxonomy.changed' }
  | { type: 'author.changed'; authorId: number };

type Listener = (event: DomainEvent) => void;

export class EventBus {
  private listeners: Listener[] = [];

  on(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(event: DomainEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
