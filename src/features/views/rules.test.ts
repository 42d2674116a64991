import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isPreview, newDailySalt, skipReason, viewerKey } from './rules.js';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('views dedupe key', () => {
  it('is stable for the same reader, article and salt', () => {
    expect(viewerKey('s', '1.2.3.4', chrome, 7)).toBe(viewerKey('s', '1.2.3.4', chrome, 7));
  });

  it('differs by article, address, user agent and salt', () => {
    const base = viewerKey('s', '1.2.3.4', chrome, 7);
    expect(viewerKey('s', '1.2.3.4', chrome, 8)).not.toBe(base);
    expect(viewerKey('s', '1.2.3.5', chrome, 7)).not.toBe(base);
    expect(viewerKey('s', '1.2.3.4', `${chrome} X`, 7)).not.toBe(base);
    expect(viewerKey('t', '1.2.3.4', chrome, 7)).not.toBe(base);
  });

  it('is a whole number of 52 bits, safe as a number, and spread over its range (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.ipV4(), fc.string(), fc.integer({ min: 1, max: 1_000_000 }), (salt, ip, ua, id) => {
        const key = viewerKey(salt, ip, ua, id);
        expect(Number.isSafeInteger(key)).toBe(true);
        expect(key).toBeGreaterThanOrEqual(0);
        expect(key).toBeLessThan(2 ** 52);
      }),
    );
    const keys = Array.from({ length: 2000 }, (_, i) => viewerKey('s', `10.0.${i >> 8}.${i & 255}`, chrome, 1));
    expect(new Set(keys).size).toBe(2000);
    expect(keys.filter((k) => k >= 2 ** 51).length).toBeGreaterThan(900);
  });

  it('rotates salts randomly', () => {
    expect(newDailySalt()).not.toBe(newDailySalt());
  });
});

describe('who is counted', () => {
  it('skips bots, previews and staff; counts a reader', () => {
    expect(skipReason({ headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }, isStaff: false })).toBe('bot');
    expect(skipReason({ headers: { 'user-agent': 'TelegramBot (like TwitterBot)' }, isStaff: false })).toBe('bot');
    expect(skipReason({ headers: {}, isStaff: false })).toBe('bot');
    expect(skipReason({ headers: { 'user-agent': chrome, 'sec-purpose': 'prefetch;prerender' }, isStaff: false })).toBe('preview');
    expect(skipReason({ headers: { 'user-agent': chrome }, isStaff: true })).toBe('staff');
    expect(skipReason({ headers: { 'user-agent': chrome }, isStaff: false })).toBeNull();
    expect(isPreview({ purpose: 'prefetch' })).toBe(true);
  });
});
