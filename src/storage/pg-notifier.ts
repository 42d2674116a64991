/**
 * PostgreSQL LISTEN/NOTIFY as the event relay's transport. Messages are sent through the pool; one dedicated
 * connection listens, and is opened again with a growing pause when it is lost.
 */
import type pg from 'pg';
import type { Notifier, NotifierHandlers } from '../lib/event-relay.js';

export interface PgNotifierOptions {
  /** Opens a new connection (not from the pool: a listening connection stays checked out). */
  connect: () => Promise<pg.Client>;
  pool: pg.Pool;
  channel: string;
  /** First pause before listening again after a loss; doubled each failed attempt, up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

/** LISTEN takes an identifier, not a parameter: the channel is quoted, and only simple names are allowed. */
function channelIdentifier(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Not a valid notification channel: ${channel}`);
  return `"${channel}"`;
}

export function createPgNotifier(options: PgNotifierOptions): Notifier {
  const identifier = channelIdentifier(options.channel);
  const firstRetry = options.retryMs ?? 100;
  const maxRetry = options.maxRetryMs ?? 5000;
  let client: pg.Client | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  async function open(onMessage: (message: string) => void, onLost: () => void): Promise<void> {
    const c = await options.connect();
    let listening = false;
    let lost = false;
    const lose = () => {
      if (lost) return;
      lost = true;
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (client === c) client = null;
      // A connection that never got to listen is reported by the rejected promise instead.
      if (listening && !closed) onLost();
    };
    // A connection killed by the server or the network shows up as 'error' and/or 'end'.
    c.on('error', lose);
    c.on('end', lose);
    c.on('notification', (n) => {
      if (n.channel === options.channel && n.payload !== undefined) onMessage(n.payload);
    });
    try {
      await c.query(`LISTEN ${identifier}`);
    } catch (error) {
      lose();
      throw error;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    listening = true;
    client = c;
  }

  return {
    async publish(message) {
      await options.pool.query('SELECT pg_notify($1, $2)', [options.channel, message]);
    },

    async listen(handlers: NotifierHandlers) {
      const onMessage = (text: string) => handlers.message(text);
      const onState = (live: boolean) => handlers.state(live);
      const relisten = (pause: number) => {
        if (closed) return;
        retryTimer = setTimeout(() => {
          open(onMessage, onLost).then(
            () => onState(true),
            () => relisten(Math.min(pause * 2, maxRetry)),
          );
        }, pause);
        retryTimer.unref();
      };
      const onLost = () => {
        onState(false);
        relisten(firstRetry);
      };
      await open(onMessage, onLost);
      onState(true);
    },

    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
