import { describe, it, expect } from 'vitest';
import { IMAGE_HEIGHT, IMAGE_KEYS, IMAGE_WIDTH, renderDemoImage } from './images.js';

const XMLNS = 'xmlns="http://www.w3.org/2000/svg"';
const ALL_KEYS = [
  'caspian-map',
  'ferry',
  'port-cranes',
  'railway',
  'caravanserai',
  'wind-farm',
  'old-city',
  'market',
  'container-yard',
  'bridge',
  'museum',
  'delta',
] as const;

/** A minimal well-formedness check: every tag closes in order, attributes are quoted. */
function checkBalanced(svg: string): void {
  const stack: string[] = [];
  const tagRe = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tagRe.exec(svg); m !== null; m = tagRe.exec(svg)) {
    const between = svg.slice(last, m.index);
    expect(between, 'stray markup between tags').not.toMatch(/[<>]/);
    last = tagRe.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      expect(stack.pop()).toBe(name);
    } else if (!selfClosing) {
      stack.push(name ?? '');
    }
  }
  expect(svg.slice(last)).toBe('');
  expect(stack).toEqual([]);
}

describe('demo images', () => {
  it('lists every image key exactly once', () => {
    expect([...IMAGE_KEYS].sort()).toEqual([...ALL_KEYS].sort());
    expect(IMAGE_WIDTH).toBe(1200);
    expect(IMAGE_HEIGHT).toBe(800);
  });

  for (const key of IMAGE_KEYS) {
    describe(key, () => {
      const svg = renderDemoImage(key);

      it('is a complete, well-formed SVG document of 1200×800', () => {
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg.endsWith('</svg>')).toBe(true);
        expect(svg).toContain(XMLNS);
        expect(svg).toContain('viewBox="0 0 1200 800"');
        expect(svg).toMatch(/<svg[^>]*\swidth="1200"/);
        expect(svg).toMatch(/<svg[^>]*\sheight="800"/);
        expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
        checkBalanced(svg);
      });

      it('has a non-empty title', () => {
        expect(svg).toMatch(/<title[^>]*>[^<]{10,}<\/title>/);
      });

      it('is self-contained and inert', () => {
        expect(svg).not.toMatch(/<script/i);
        expect(svg).not.toMatch(/foreignObject/i);
        expect(svg).not.toMatch(/\son\w+=/i);
        expect(svg).not.toMatch(/<image/i);
        expect(svg).not.toMatch(/href/i);
        expect(svg.replace(XMLNS, '')).not.toMatch(/http/i);
        const families = svg.match(/font-family="[^"]*"/g) ?? [];
        for (const f of families) expect(f).toBe('font-family="sans-serif"');
      });

      it('only references ids it defines', () => {
        const defined = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(defined.has(m[1])).toBe(true);
        for (const m of svg.matchAll(/aria-labelledby="([^"]+)"/g)) expect(defined.has(m[1])).toBe(true);
      });

      it('is deterministic', () => {
        expect(renderDemoImage(key)).toBe(svg);
      });
    });
  }

  it('renders twelve distinct images', () => {
    const outputs = IMAGE_KEYS.map((k) => renderDemoImage(k));
    expect(outputs).toHaveLength(12);
    expect(new Set(outputs).size).toBe(12);
  });

  it('uses ids that do not collide between images (safe to inline several on one page)', () => {
    const seen = new Map<string, string>();
    for (const key of IMAGE_KEYS) {
      for (const m of renderDemoImage(key).matchAll(/\sid="([^"]+)"/g)) {
        const id = m[1] ?? '';
        expect(seen.get(id), `id ${id} reused`).toBeUndefined();
        seen.set(id, key);
      }
    }
  });
});
