/**
 * Guards against silently skipped suites. The PostgreSQL and browser suites skip themselves when
 * their environment is missing; CI sets DATELINE_REQUIRE_SUITES=postgres,browser so that a missing
 * database or browser fails the run instead of passing with fewer tests.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { E2E_ENABLED, launchChromium } from './e2e/browser.js';
import { DIALECTS } from './helpers/db.js';

const KNOWN = ['postgres', 'browser'] as const;
type Suite = (typeof KNOWN)[number];

/** The suites a DATELINE_REQUIRE_SUITES value names, lower-cased; unknown names are kept, so they can be reported. */
function requiredSuites(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

const required = requiredSuites(process.env.DATELINE_REQUIRE_SUITES);

const checks: Record<Suite, () => Promise<void>> = {
  async postgres() {
    const url = process.env.DATELINE_TEST_PG_URL;
    expect(url, 'DATELINE_TEST_PG_URL must be set: the PostgreSQL suites are required').toBeTruthy();
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ one: number }>('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end().catch(() => undefined);
    }
  },
  async browser() {
    expect(E2E_ENABLED, 'DATELINE_E2E must be 1: the browser suites are required').toBe(true);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p>ok</p>');
      expect(await page.textContent('p')).toBe('ok');
    } finally {
      await browser.close();
    }
  },
};

describe('required test suites', () => {
  it('reads DATELINE_REQUIRE_SUITES as a comma-separated list', () => {
    expect(requiredSuites(undefined)).toEqual([]);
    expect(requiredSuites(' , ')).toEqual([]);
    expect(requiredSuites('Postgres, browser,')).toEqual(['postgres', 'browser']);
  });

  it('skips the PostgreSQL suites only without DATELINE_TEST_PG_URL, and the browser ones only without DATELINE_E2E=1', () => {
    expect(DIALECTS.includes('postgres')).toBe(Boolean(process.env.DATELINE_TEST_PG_URL));
    expect(E2E_ENABLED).toBe(process.env.DATELINE_E2E === '1');
  });

  it(`names only known suites (${KNOWN.join(', ')})`, () => {
    expect(required.filter((s) => !(KNOWN as readonly string[]).includes(s))).toEqual([]);
  });

  for (const suite of KNOWN.filter((s) => required.includes(s))) {
    it(`the required '${suite}' suite can run`, () => checks[suite]());
  }
});
