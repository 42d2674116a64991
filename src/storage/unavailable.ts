/**
 * Whether an error means the database cannot be reached or used right now: the request may succeed if retried
 * (503 with Retry-After), and nothing is wrong with the request or with our code.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs: connection exceptions (08…), shutting down or starting up (57P01–57P03), too many connections. */
const POSTGRES_STATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** SQLite: locked past the busy timeout, disk errors, a full disk, a file that cannot be opened. */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/;
/** What node-postgres says, without a code, when a connection is lost or cannot be had in time. */
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_STATES.test(code) || SQLITE_CODES.test(code))) return true;
  return PG_MESSAGES.test(error.message);
}
