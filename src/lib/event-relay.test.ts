import { describe, it, expect } from 'vitest';
import { EventBus, type DomainEvent, type EventOrigin } from './events.js';
import { EventRelay, parseMessage, type Notifier, type NotifierHandlers } from './event-relay.js';
import { waitFor } from '../../test/helpers/wait.js';

/** An in-memory stand-in for LISTEN/NOTIFY: every listening notifier hears every message, in order. */
class Hub {
  private listeners = new Set<NotifierHandlers>();
  published: string[] = [];
  failNextPublishes = 0;

  notifier(): Notifier & { drop(): void; restore(): void; changeElsewhere(): void } {
    const hub = this;
    let me: NotifierHandlers | null = null;
    return {
      async publish(message) {
        if (hub.failNextPublishes > 0) {
          hub.failNextPublishes--;
          throw new Error('connection refused');
        }
        hub.published.push(message);
        for (const l of hub.listeners) queueMicrotask(() => l.message(message));
      },
      async listen(handlers) {
        me = handlers;
        hub.listeners.add(me);
        handlers.state(true);
      },
      async close() {
        if (me) hub.listeners.delete(me);
      },
      drop() {
        hub.listeners.delete(me!);
        me!.state(false);
      },
      restore() {
        hub.listeners.add(me!);
        me!.state(true);
      },
      changeElsewhere() {
        me!.changedElsewhere();
      },
    };
  }
}

function node(hub: Hub, beforeRemote?: (e: DomainEvent) => Promise<void>) {
  const events = new EventBus();
  const seen: Array<[DomainEvent['type'], EventOrigin]> = [];
  events.on((e, origin) => seen.push([e.type, origin]));
  const live: boolean[] = [];
  const errors: unknown[] = [];
  const notifier = hub.notifier();
  const relay = new EventRelay({ notifier, events, beforeRemote, onLive: (l) => live.push(l), onError: (e) => errors.push(e) });
  return { events, seen, live, errors, notifier, relay };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const footprint = { slug: 'paromy', publishedAt: '2024-04-11T07:00:00.000Z', rubricIds: [1], tagIds: [2, 3], authorIds: [4], translationIds: [] };
const published: DomainEvent = { type: 'article.published', articleId: 7, before: null, after: footprint };


describe('EventRelay', () => {
  it('brings a local event to the other nodes once, and not back to its own node', async () => {
    const hub = new Hub();
    const a = node(hub);
    const b = node(hub);
    await a.relay.start();
    await b.relay.start();
    a.events.emit(published);
    await settle();
    expect(a.seen).toEqual([['article.published', 'local']]);
    expect(b.seen).toEqual([['article.published', 'remote']]);
    expect(hub.published).toHaveLength(1);
  });

  it('reloads what an event invalidates before announcing it, one event at a time and in order', async () => {
    const hub = new Hub();
    const a = node(hub);
    const order: string[] = [];
    const b = node(hub, async (e) => {
      order.push(`reload ${e.type}`);
      await settle();
    });
    b.events.on((e) => order.push(`emit ${e.type}`));
    await a.relay.start();
    await b.relay.start();
    a.events.emit({ type: 'settings.changed' });
    a.events.emit({ type: 'taxonomy.changed', rubricIds: [], tagIds: [4] });
    await waitFor('both events', () => order.length === 4);
    expect(order).toEqual(['reload settings.changed', 'emit settings.changed', 'reload taxonomy.changed', 'emit taxonomy.changed']);
  });

  it('still drops derived state when reloading fails', async () => {
    const hub = new Hub();
    const a = node(hub);
    const b = node(hub, async () => {
      throw new Error('database unavailable');
    });
    await a.relay.start();
    await b.relay.start();
    a.events.emit({ type: 'settings.changed' });
    await settle();
    expect(b.seen).toEqual([['settings.changed', 'remote']]);
    expect(String(b.errors[0])).toContain('database unavailable');
  });

  it('does not pass remote events on again', async () => {
    const hub = new Hub();
    const a = node(hub);
    const b = node(hub);
    const c = node(hub);
    for (const n of [a, b, c]) await n.relay.start();
    a.events.emit({ type: 'author.changed', authorId: 3 });
    await settle();
    expect(hub.published).toHaveLength(1);
    expect(c.seen).toEqual([['author.changed', 'remote']]);
  });

  it('tells when it stops and starts hearing, and once it hears again treats the gap as missed events', async () => {
    const hub = new Hub();
    const a = node(hub);
    const b = node(hub);
    await a.relay.start();
    await b.relay.start();
    expect(b.live).toEqual([true]);
    expect(b.seen).toEqual([]);
    b.notifier.drop();
    a.events.emit({ type: 'article.updated', articleId: 1, before: null, after: null });
    await settle();
    b.notifier.restore();
    await settle();
    expect(b.live).toEqual([true, false, true]);
    expect(b.relay.state).toBe('listening');
    expect(b.seen).toEqual([['events.missed', 'remote']]);
  });

  it('treats a change made by another process as missed events', async () => {
    const hub = new Hub();
    const a = node(hub);
    expect(a.relay.state).toBe('off');
    await a.relay.start();
    a.notifier.changeElsewhere();
    await settle();
    expect(a.seen).toEqual([['events.missed', 'remote']]);
  });

  it('sends its pending events before it closes', async () => {
    const hub = new Hub();
    const a = node(hub);
    await a.relay.start();
    hub.failNextPublishes = 1;
    a.events.emit({ type: 'settings.changed' });
    await a.relay.close();
    expect(hub.published).toHaveLength(1);
    expect(a.relay.state).toBe('off');
  });

  it('keeps sending a change until it goes through, in order, and reports the failure once', async () => {
    const hub = new Hub();
    const a = node(hub);
    const b = node(hub);
    await a.relay.start();
    await b.relay.start();
    hub.failNextPublishes = 3;
    a.events.emit({ type: 'taxonomy.changed', rubricIds: [], tagIds: [4] });
    a.events.emit({ type: 'author.changed', authorId: 2 });
    await waitFor('both events to arrive', () => b.seen.length === 2);
    expect(b.seen).toEqual([
      ['taxonomy.changed', 'remote'],
      ['author.changed', 'remote'],
    ]);
    expect(a.errors.map(String)).toEqual(['Error: connection refused']);
  });

  it('gives up on unsent events when it closes, and says so', async () => {
    const hub = new Hub();
    const a = node(hub);
    await a.relay.start();
    hub.failNextPublishes = 1_000;
    a.events.emit({ type: 'settings.changed' });
    await a.relay.close();
    expect(hub.published).toEqual([]);
    expect(a.errors.map(String)).toEqual(['Error: connection refused', 'Error: 1 event(s) could not be sent to the other nodes.']);
  }, 10_000);

  it('ignores malformed messages and reports them', async () => {
    const hub = new Hub();
    const b = node(hub);
    await b.relay.start();
    const other = hub.notifier();
    await other.publish('not json');
    await other.publish(JSON.stringify({ node: 'x', event: { ...published, articleId: -1 } }));
    await other.publish(JSON.stringify({ node: 'x', event: { type: 'drop.tables' } }));
    await settle();
    expect(b.seen).toEqual([]);
    expect(b.errors).toHaveLength(3);
  });
});

describe('parseMessage', () => {
  it('tells own echoes, valid events and garbage apart', () => {
    expect(parseMessage(JSON.stringify({ node: 'me', event: { type: 'settings.changed' } }), 'me')).toBe('own');
    expect(parseMessage(JSON.stringify({ node: 'you', event: { type: 'settings.changed' } }), 'me')).toEqual({ type: 'settings.changed' });
    expect(parseMessage('[]', 'me')).toBeNull();
    expect(parseMessage('null', 'me')).toBeNull();
    expect(parseMessage(JSON.stringify({ event: { type: 'settings.changed' } }), 'me')).toBeNull();
  });

  it('carries what an article event changed, and refuses one that does not say', () => {
    expect(parseMessage(JSON.stringify({ node: 'you', event: published }), 'me')).toEqual(published);
    expect(parseMessage(JSON.stringify({ node: 'you', event: { type: 'article.published', articleId: 7 } }), 'me')).toBeNull();
    expect(parseMessage(JSON.stringify({ node: 'you', event: { ...published, after: { ...footprint, tagIds: ['x'] } } }), 'me')).toBeNull();
  });
});
