import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidSlug, slugify } from './slug.js';

describe('slugs', () => {
  it('transliterates Russian headlines', () => {
    expect(slugify('Паромы между Баку и Курыком')).toBe('paromy-mezhdu-baku-i-kurykom');
    expect(slugify('Ёлка, йод и щука!')).toBe('elka-yod-i-shchuka');
  });

  it('strips accents and punctuation', () => {
    expect(slugify('  Café — Déjà vu?  ')).toBe('cafe-deja-vu');
  });

  it('always produces a valid slug (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(isValidSlug(slugify(s))).toBe(true);
      }),
    );
  });

  it('rejects malformed slugs', () => {
    for (const bad of ['', 'A', 'a--b', '-a', 'a-', 'a b', 'кириллица', 'a/b']) expect(isValidSlug(bad)).toBe(false);
  });
});
