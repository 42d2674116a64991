/**
 * Carries domain events between application nodes that share one database, so that every node's page
 * cache, read models and settings follow a change made on any of them. The transport is a `Notifier`
 * (PostgreSQL LISTEN/NOTIFY in production, an in-memory hub in unit tests).
 */
import { randomUUID } from 'node:crypto';
import { domainEventSchema, type DomainEvent, type EventBus } from './events.js';

export interface NotifierHandlers {
  /** A message another node (or this one) published. */
  message(text: string): void;
  /** true when listening starts or starts again after a loss; false when it is lost (messages sent meanwhile never arrive). */
  state(live: boolean): void;
  /** The database was changed by another process that sends no messages (the SQLite CLI): anything may have changed. */
  changedElsewhere(): void;
}

export interface Notifier {
  /** Sends one message to every listening node, this one included. */
  publish(message: string): Promise<void>;
  /** Starts listening; resolves once listening. */
  listen(handlers: NotifierHandlers): Promise<void>;
  close(): Promise<void>;
}

/** 'off' before start and after close; 'listening' while other nodes' events arrive; 'lost' while they cannot. */
export type RelayState = 'off' | 'listening' | 'lost';

export interface EventRelayOptions {
  notifier: Notifier;
  events: EventBus;
  /** Runs before a remote event is emitted here: state the event invalidates is reloaded first (settings). */
  beforeRemote?: (event: DomainEvent) => Promise<void>;
  /** Told when this node stops or starts hearing the other nodes. */
  onLive?: (live: boolean) => void;
  onError?: (error: unknown) => void;
}

/** Pause after a failed send, doubled on each further failure up to the maximum. */
const RETRY_MS = 200;
const MAX_RETRY_MS = 5000;
/** How long `close` waits for unsent events (the database is unreachable) before giving up on them. */
const CLOSE_WAIT_MS = 3000;

export class EventRelay {
  /** Tells this node's own messages apart when they come back. */
  readonly nodeId = randomUUID();
  private applying: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private started = false;
  private closing = false;
  private current: RelayState = 'off';
  /** Messages not sent yet, oldest first: a change is announced late rather than never, and in order. */
  private outbox: string[] = [];
  private sending: Promise<void> | null = null;

  constructor(private readonly options: EventRelayOptions) {}

  async start(): Promise<void> {
    this.unsubscribe = this.options.events.on((event, origin) => {
      if (origin !== 'local' || event.type === 'events.missed') return;
      this.outbox.push(JSON.stringify({ node: this.nodeId, event }));
      this.sending ??= this.send();
    });
    await this.options.notifier.listen({
      message: (text) => this.receive(text),
      state: (live) => this.changeState(live),
      changedElsewhere: () => this.apply({ type: 'events.missed' }),
    });
    this.started = true;
  }

  get state(): RelayState {
    return this.current;
  }

  /** Stops listening once this node's events are sent (a CLI command's change reaches the servers before it exits). */
  async close(): Promise<void> {
    this.unsubscribe?.();
    if (this.sending) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.sending, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
      clearTimeout(timer);
    }
    this.closing = true;
    if (this.outbox.length > 0) this.options.onError?.(new Error(`${this.outbox.length} event(s) could not be sent to the other nodes.`));
    this.current = 'off';
    await this.options.notifier.close();
    await this.applying;
  }

  /** Sends the outbox in order; a failure is reported once and retried with a growing pause until it goes through. */
  private async send(): Promise<void> {
    let pause = RETRY_MS;
    let reported = false;
    while (this.outbox.length > 0 && !this.closing) {
      try {
        await this.options.notifier.publish(this.outbox[0]!);
        this.outbox.shift();
        pause = RETRY_MS;
        reported = false;
      } catch (error) {
        if (!reported) this.options.onError?.(error);
        reported = true;
        await new Promise((resolve) => setTimeout(resolve, pause).unref());
        pause = Math.min(pause * 2, MAX_RETRY_MS);
      }
    }
    this.sending = null;
  }

  private receive(message: string): void {
    const event = parseMessage(message, this.nodeId);
    if (event === 'own') return;
    if (event === null) {
      this.options.onError?.(new Error(`Ignored a malformed event message: ${message.slice(0, 200)}`));
      return;
    }
    this.apply(event);
  }

  private changeState(live: boolean): void {
    this.current = live ? 'listening' : 'lost';
    this.options.onLive?.(live);
    // Listening again after a loss: whatever other nodes changed meanwhile is unknown, so everything derived goes.
    // (At the first start nothing is cached yet.)
    if (live && this.started) this.apply({ type: 'events.missed' });
  }

  /** Remote events are applied one at a time, in the order they arrived. */
  private apply(event: DomainEvent): void {
    this.applying = this.applying.then(async () => {
      try {
        await this.options.beforeRemote?.(event);
      } catch (error) {
        this.options.onError?.(error);
      }
      // Emitted even when reloading failed: dropping cached pages and read models is always safe.
      this.options.events.emit(event, 'remote');
    }).catch((error: unknown) => this.options.onError?.(error));
  }
}

/** The event in a message from another node; 'own' for this node's echo, null for anything malformed. */
export function parseMessage(message: string, nodeId: string): DomainEvent | 'own' | null {
  let data: unknown;
  try {
    data = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { node, event } = data as { node?: unknown; event?: unknown };
  if (typeof node !== 'string') return null;
  if (node === nodeId) return 'own';
  const parsed = domainEventSchema.safeParse(event);
  return parsed.success ? parsed.data : null;
}
