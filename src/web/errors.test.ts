import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { ERROR_CATALOGUE, codeForError, isClientAbort } from './errors.js';

describe('error catalogue', () => {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');

  it('documents every code with its status in docs/errors.md', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(doc, `docs/errors.md lacks ${code}`).toMatch(new RegExp(`\\| \`${code}\` \\| ${entry.status} \\|`));
    }
  });

  it('gives every code a client-error or server-error status and a message', () => {
    for (const entry of Object.values(ERROR_CATALOGUE)) {
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.message.length).toBeGreaterThan(10);
    }
  });
});

describe('where an error came from', () => {
  const reset = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
  const request = (errored: Error | null) => ({ errored }) as IncomingMessage;

  it('takes the request stream failing for the client leaving, not for the database', () => {
    const aborted = reset();
    expect(isClientAbort(aborted, request(aborted))).toBe(true);
    expect(isClientAbort(Object.assign(new Error('closed before the multipart data was parsed'), { code: 'FST_MP_PREMATURE_CLOSE', statusCode: 400 }), request(aborted))).toBe(true);
    expect(codeForError(Object.assign(reset(), { statusCode: 400 }))).toBe('BAD_REQUEST');
  });

  it('still takes a driver error for an unavailable database, even when the client has left too', () => {
    expect(isClientAbort(reset(), request(null))).toBe(false);
    expect(isClientAbort(reset(), request(reset()))).toBe(false);
    expect(codeForError(reset())).toBe('UNAVAILABLE');
  });
});
