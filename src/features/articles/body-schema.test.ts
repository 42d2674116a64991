import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeBody, BodyError } from './body-schema.js';
import { bodyImageIds, parseEmbedUrl, renderBody, safeHref, withoutImages, type BodyDoc } from './body.js';

describe('article body schema', () => {
  it('keeps known nodes, marks and attributes and drops the rest', () => {
    const doc = normalizeBody({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'script' }] }, { type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: 'javascript:x', onclick: 'y' } }] }] },
        { type: 'heading', attrs: { level: 1, style: 'x' }, content: [{ type: 'text', text: 'h' }] },
        { type: 'iframe', attrs: { src: 'https://evil' } },
        { type: 'figure', attrs: { imageId: '7', caption: 'c', onerror: 'x' } },
        { type: 'figure', attrs: { imageId: 'abc' } },
      ],
    });
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'bold' }] }, { type: 'text', text: 'b' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'h' }] },
        { type: 'figure', attrs: { imageId: 7, caption: 'c' } },
      ],
    });
    // The schema drops the javascript: link, and the renderer refuses one stored before it did.
    const stored: BodyDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: 'javascript:x' } }] }] }] };
    expect(renderBody(stored, new Map())).toBe('<p>b</p>');
    const numeric = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: 42 } }] }] }] } as unknown as BodyDoc;
    expect(renderBody(numeric, new Map())).toBe('<p>b</p>');
  });

  it("shows the image's own caption, credit and alt text for a figure that sets none, whether left out or empty", () => {
    const image = { id: 7, url: '/media/port.jpg', width: 1200, height: 800, caption: 'Порт', credit: 'Dateline', alt: 'Краны' };
    const figure = (attrs: Record<string, unknown>): BodyDoc => ({ type: 'doc', content: [{ type: 'figure', attrs: { imageId: 7, ...attrs } }] });
    const own = renderBody(figure({}), new Map([[7, image]]));
    expect(own).toContain('alt="Краны"');
    expect(own).toContain('<figcaption><span class="caption">Порт</span> <span class="credit">Dateline</span></figcaption>');
    // As the editor sends a figure whose texts were left blank: stored without them, and rendered alike when stored before.
    const blank = { caption: '', credit: '', alt: '' };
    expect(normalizeBody(figure(blank))).toEqual(figure({}));
    expect(renderBody(figure(blank), new Map([[7, image]]))).toBe(own);
    expect(renderBody(figure({ caption: 'Паром', credit: 'Агентство', alt: 'Паром у причала' }), new Map([[7, image]]))).toContain('alt="Паром у причала"');
  });

  it('refuses what is not a document', () => {
    expect(() => normalizeBody('x')).toThrow(BodyError);
    expect(() => normalizeBody({ type: 'doc', content: 'x' })).toThrow(BodyError);
    expect(normalizeBody({ type: 'doc' })).toEqual({ type: 'doc', content: [] });
  });

  it('never renders markup that came from the input (property)', () => {
    const text = fc.string({ maxLength: 40 });
    const node = fc.record({ type: fc.constantFrom('paragraph', 'heading', 'blockquote', 'embed', 'figure', 'x'), attrs: fc.dictionary(fc.constantFrom('level', 'cite', 'url', 'caption', 'imageId'), text), content: fc.array(fc.record({ type: fc.constant('text'), text }), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (content) => {
        const html = renderBody(normalizeBody({ type: 'doc', content }), new Map());
        expect(html).not.toMatch(/<(?!\/?(p|h2|h3|blockquote|footer|strong|em|br|ul|ol|li|figure|figcaption|iframe|a|span|img)[\s>])/);
        expect(html).not.toMatch(/\son\w+=/i);
      }),
    );
  });
});

describe('link targets', () => {
  const SITE = 'https://site.invalid';
  /** A body with one link, as the editor sends it, and the page's <a> after the schema and the renderer. */
  const linked = (href: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }] });
  const renderedHref = (href: string) => /<a href="([^"]*)"/.exec(renderBody(normalizeBody(linked(href)), new Map()))?.[1] ?? null;
  const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

  it.each([
    ['//evil.example/x.js', 'https://evil.example/x.js'],
    ['/\\evil.example/x', 'https://evil.example/x'],
    ['\\/evil.example/x', 'https://evil.example/x'],
    ['\\\\evil.example', 'https://evil.example/'],
    ['///evil.example', 'https://evil.example/'],
    [' //evil.example', 'https://evil.example/'],
    ['\t//evil.example', 'https://evil.example/'],
    ['/\t/evil.example', 'https://evil.example/'],
    ['/\n/evil.example', 'https://evil.example/'],
    ['/\r\\evil.example', 'https://evil.example/'],
    ['\u0000//evil.example', 'https://evil.example/'],
    ['//evil.example:8080/a?b=1#c', 'https://evil.example:8080/a?b=1#c'],
    ['/.//evil.example', '/evil.example'],
    ['/news/paromy', '/news/paromy'],
    ['/news/paromy?page=2#comments', '/news/paromy?page=2#comments'],
    ['/search?q=a\\b', '/search?q=a\\b'],
    ['https://example.com/a', 'https://example.com/a'],
    ['HTTPS://Example.com', 'https://example.com/'],
    ['http://example.com/a b', 'http://example.com/a%20b'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['https:evil.example', 'https://evil.example/'],
  ])('%j links to %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
    expect(renderedHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'news/paromy',
    '?page=2',
    '#top',
    'http://',
    '\u00a0//evil.example',
    '',
  ])('%j is not a link', (input) => {
    expect(safeHref(input)).toBeNull();
    expect(renderedHref(input)).toBeNull();
    expect(normalizeBody(linked(input)).content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'x' }] });
  });

  it('never lets a link that looks local leave the site, and keeps what it stores (property)', () => {
    const tricky = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '\u0000', '\u001f', '.', ':', '@', '%', '?', '#', 'h', 't', 'p', 's', 'evil', 'example', 'news', 'https:', 'mailto:', 'javascript:');
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')), (input) => {
        const href = safeHref(input);
        if (href === null) return;
        // What is stored is already safe: checking it again changes nothing.
        expect(safeHref(href)).toBe(href);
        const rendered = renderedHref(input);
        expect(rendered).not.toBeNull();
        expect(unescape(rendered!)).toBe(href);
        if (href.startsWith('/')) {
          // A local link resolves to this site from any page of it.
          expect(new URL(href, `${SITE}/news/some-article`).origin).toBe(SITE);
        } else {
          expect(href).toMatch(/^(https?:\/\/[^/\\]|mailto:)/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('embeds', () => {
  it('recognises YouTube and Telegram and nothing else', () => {
    expect(parseEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')?.frameUrl).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ')?.provider).toBe('youtube');
    expect(parseEmbedUrl('https://t.me/durov/123')?.frameUrl).toBe('https://t.me/durov/123?embed=1');
    expect(parseEmbedUrl('https://youtu.be/short')).toBeNull();
    expect(parseEmbedUrl('https://example.com/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(parseEmbedUrl('javascript:alert(1)')).toBeNull();
    expect(parseEmbedUrl('https://t.me/durov/123"onload=x')).toBeNull();
    // A protocol-relative address is no embed: the frame is built from the provider's own address.
    expect(parseEmbedUrl('//www.youtube.com/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(parseEmbedUrl('/\\t.me/durov/123')).toBeNull();
  });

  it('renders a sandboxed frame with a link', () => {
    const html = renderBody({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://t.me/durov/123' } }] }, new Map());
    expect(html).toContain('<iframe src="https://t.me/durov/123?embed=1"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups"');
  });
});

describe('withoutImages', () => {
  it('drops the figures of the given images at any depth and keeps everything else', () => {
    const figure = (imageId: number) => ({ type: 'figure' as const, attrs: { imageId, caption: `#${imageId}` } });
    const doc: BodyDoc = {
      type: 'doc',
      content: [
        figure(1),
        { type: 'paragraph', content: [{ type: 'text', text: 'Текст.' }] },
        { type: 'blockquote', content: [figure(2), figure(1)] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [figure(3)] }] },
      ],
    };
    const out = withoutImages(doc, new Set([1, 3]));
    expect(bodyImageIds(out)).toEqual([2]);
    expect(out.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Текст.' }] });
    expect(out.content[2]).toEqual({ type: 'bulletList', content: [{ type: 'listItem', content: [] }] });
    expect(bodyImageIds(doc)).toEqual([1, 2, 1, 3]);
  });
});

