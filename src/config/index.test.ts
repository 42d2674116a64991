import { describe, it, expect } from 'vitest';
import { loadConfig, ConfigError } from './index.js';

describe('config', () => {
  it('has working defaults: SQLite under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'sqlite', file: './data/dateline.db' });
    expect(c.siteDefaults.timeZone).toBe('Europe/Moscow');
    expect(c.pageCacheBytes).toBe(64 * 1024 * 1024);
  });

  it('sizes the page cache in megabytes and refuses a size that is not a whole number from 1 up', () => {
    expect(loadConfig({ PAGE_CACHE_MB: '256' }).pageCacheBytes).toBe(256 * 1024 * 1024);
    expect(() => loadConfig({ PAGE_CACHE_MB: '0' })).toThrow(/PAGE_CACHE_MB="0"/);
    expect(() => loadConfig({ PAGE_CACHE_MB: 'lots' })).toThrow(/PAGE_CACHE_MB="lots"/);
  });

  it('switches to PostgreSQL by DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1/db',
    });
  });

  it('names every bad variable and its value', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SITE_TIME_ZONE: 'Mars/Olympus' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      expect(message).toContain('PORT="eighty"');
      expect(message).toContain('DATABASE_URL="mysql://x"');
      expect(message).toContain('SITE_TIME_ZONE="Mars/Olympus": is not a known IANA time zone');
    }
  });
});
