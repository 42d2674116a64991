import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CATALOGUE } from './errors.js';

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
