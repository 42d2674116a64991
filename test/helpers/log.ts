/** A pino destination that keeps every line the app logs, parsed, for tests that check what was logged. */
import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  err?: { message?: string; code?: string };
}

/** pino's levels: 40 warn, 50 error. */
export const WARN = 40;

export function captureLog(): { stream: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { stream, lines };
}
