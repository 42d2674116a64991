import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeBody, BodyError } from './body-schema.js';
import { bodyImageIds, parseEmbedUrl, renderBody, withoutImages, type BodyDoc } from './body.js';

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
        { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'bold' }] }, { type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: 'javascript:x' } }] }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'h' }] },
        { type: 'figure', attrs: { imageId: 7, caption: 'c', credit: '', alt: '' } },
      ],
    });
    // The renderer refuses the javascript: link even though the schema keeps the mark.
    expect(renderBody(doc, new Map())).not.toContain('javascript');
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

describe('embeds', () => {
  it('recognises YouTube and Telegram and nothing else', () => {
    expect(parseEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')?.frameUrl).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ')?.provider).toBe('youtube');
    expect(parseEmbedUrl('https://t.me/durov/123')?.frameUrl).toBe('https://t.me/durov/123?embed=1');
    expect(parseEmbedUrl('https://youtu.be/short')).toBeNull();
    expect(parseEmbedUrl('https://example.com/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(parseEmbedUrl('javascript:alert(1)')).toBeNull();
    expect(parseEmbedUrl('https://t.me/durov/123"onload=x')).toBeNull();
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

