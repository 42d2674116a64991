import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { diffWords, type DiffPart } from './revisions.js';

const spelled = (parts: DiffPart[], without: DiffPart['op']) =>
  parts
    .filter((p) => p.op !== without)
    .map((p) => p.text)
    .join('');

describe('the word diff of revisions', () => {
  it('diffs Cyrillic by whole words, not letters', () => {
    expect(diffWords('Мэр открыл мост через реку', 'Мэр закрыл новый мост через реку')).toEqual([
      { op: 'same', text: 'Мэр' },
      { op: 'removed', text: ' открыл' },
      { op: 'added', text: ' закрыл новый' },
      { op: 'same', text: ' мост через реку' },
    ]);
  });

  it('marks a changed punctuation mark, not the word it follows', () => {
    expect(diffWords('Мост открыт, движение пущено.', 'Мост открыт; движение пущено!')).toEqual([
      { op: 'same', text: 'Мост открыт' },
      { op: 'removed', text: ',' },
      { op: 'added', text: ';' },
      { op: 'same', text: ' движение пущено' },
      { op: 'removed', text: '.' },
      { op: 'added', text: '!' },
    ]);
  });

  it('keeps whitespace and line breaks in the runs', () => {
    expect(diffWords('Первый абзац.\n\nВторой  абзац', 'Первый абзац.\n\nТретий  абзац\n')).toEqual([
      { op: 'same', text: 'Первый абзац.' },
      { op: 'removed', text: '\n\nВторой' },
      { op: 'added', text: '\n\nТретий' },
      { op: 'same', text: '  абзац' },
      { op: 'added', text: '\n' },
    ]);
    expect(diffWords('', 'новый текст')).toEqual([{ op: 'added', text: 'новый текст' }]);
  });

  it('shows a wholesale rewrite of a long text as replaced whole', () => {
    const before = Array.from({ length: 1500 }, (_, i) => `слово${i}`).join(' ');
    const after = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    expect(diffWords(before, after)).toEqual([
      { op: 'removed', text: before },
      { op: 'added', text: after },
    ]);
    expect(diffWords(before, `${before} и ещё`)).toEqual([
      { op: 'same', text: before },
      { op: 'added', text: ' и ещё' },
    ]);
  });

  it('spells both texts back from the runs, with no empty or repeated runs (property)', () => {
    const text = fc.array(fc.constantFrom('мост', 'Мэр', 'bridge', '42', ' ', '  ', '\n', ',', '.', '—', 'ёж', 'é'), { maxLength: 20 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(spelled(parts, 'added')).toBe(before);
        expect(spelled(parts, 'removed')).toBe(after);
        for (const [i, p] of parts.entries()) {
          expect(p.text).not.toBe('');
          if (i > 0) expect(p.op).not.toBe(parts[i - 1]!.op);
        }
      }),
    );
  });
});
