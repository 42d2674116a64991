/**
 * SQLite has no messages between processes, but `PRAGMA data_version` changes on a connection whenever another
 * connection commits to the same file. Polling it tells a server that the CLI (or a second server on the same
 * machine) changed the database; the server then drops everything it derived, as after missed events.
 */
import type SQLite from 'better-sqlite3';
import type { Notifier } from '../lib/event-relay.js';

export function createSqliteNotifier(sqlite: SQLite.Database, pollMs: number): Notifier {
  let timer: NodeJS.Timeout | undefined;
  const version = () => sqlite.pragma('data_version', { simple: true }) as number;
  return {
    // Other processes find out through data_version, so there is nothing to send.
    async publish() {},

    async listen(handlers) {
      let seen = version();
      timer = setInterval(() => {
        if (!sqlite.open) return;
        const now = version();
        if (now !== seen) {
          seen = now;
          handlers.changedElsewhere();
        }
      }, pollMs);
      timer.unref();
      handlers.state(true);
    },

    async close() {
      clearInterval(timer);
    },
  };
}
