import { describe, it, expect } from 'vitest';
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

  it('does not contain the address', () => {
    expect(viewerKey('s', '10.0.0.1', chrome, 1)).not.toContain('10.0.0.1');
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
