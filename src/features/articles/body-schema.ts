/**
 * What an article body may hold: a ProseMirror document of known nodes, marks and attributes. Anything else is
 * dropped, so stored bodies are always renderable and never carry markup of their own. The article input schema
 * (rules.ts) applies it, so it holds for every path a body takes: the editor's form and autosave, the demo, imports.
 */
import { safeHref, type BlockNode, type BodyDoc, type TextNode } from './body.js';

const MAX_DEPTH = 12;
const MAX_NODES = 20_000;
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'figure', 'hardBreak', 'embed']);
const MARKS = new Set(['bold', 'italic', 'link']);

export class BodyError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : undefined);

export function normalizeBody(input: unknown): BodyDoc {
  let count = 0;
  const visit = (node: unknown, depth: number): BlockNode | TextNode | null => {
    if (++count > MAX_NODES) throw new BodyError('The body is too large.');
    if (depth > MAX_DEPTH || !isObject(node) || typeof node.type !== 'string') return null;
    if (node.type === 'text') {
      const text = str(node.text, 100_000);
      if (!text) return null;
      const marks = Array.isArray(node.marks)
        ? node.marks.flatMap((m): NonNullable<TextNode['marks']> => {
            if (!isObject(m) || typeof m.type !== 'string' || !MARKS.has(m.type)) return [];
            if (m.type === 'link') {
              // Stored as the browser will follow it; a target that is not a safe link loses its mark.
              const raw = isObject(m.attrs) ? str(m.attrs.href, 2000) : undefined;
              const href = raw ? safeHref(raw) : null;
              return href ? [{ type: 'link', attrs: { href } }] : [];
            }
            return [{ type: m.type as 'bold' | 'italic' }];
          })
        : [];
      return marks.length ? { type: 'text', text, marks } : { type: 'text', text };
    }
    if (!BLOCKS.has(node.type)) return null;
    const type = node.type as BlockNode['type'];
    const a = isObject(node.attrs) ? node.attrs : {};
    const out: BlockNode = { type };
    if (type === 'heading') out.attrs = { level: a.level === 3 ? 3 : 2 };
    if (type === 'blockquote' && str(a.cite, 300)) out.attrs = { cite: str(a.cite, 300) };
    if (type === 'figure') {
      const imageId = Number(a.imageId);
      if (!Number.isInteger(imageId) || imageId <= 0) return null;
      // A figure's caption, credit and alt text override the image's own. An empty one overrides nothing (the
      // editor sends '' for a text left blank, a body from the demo or an import leaves it out): it is not stored,
      // and the page shows the image's own text (renderBody does the same for a '' stored before).
      const texts = { caption: str(a.caption, 1000), credit: str(a.credit, 300), alt: str(a.alt, 1000) };
      out.attrs = { imageId, ...Object.fromEntries(Object.entries(texts).filter(([, text]) => text)) };
      return out;
    }
    if (type === 'embed') {
      const url = str(a.url, 2000);
      return url ? { type, attrs: { url } } : null;
    }
    if (type === 'hardBreak') return out;
    if (Array.isArray(node.content)) {
      const content = node.content.map((c) => visit(c, depth + 1)).filter((c): c is BlockNode | TextNode => c !== null);
      if (content.length) out.content = content;
    }
    return out;
  };
  if (!isObject(input) || input.type !== 'doc' || (input.content !== undefined && !Array.isArray(input.content))) throw new BodyError('The body must be a document.');
  // An empty editor sends a document without content.
  const content = ((input.content as unknown[] | undefined) ?? []).map((n) => visit(n, 1)).filter((n): n is BlockNode => n !== null && n.type !== 'text');
  return { type: 'doc', content };
}
