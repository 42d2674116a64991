/**
 * Article bodies are stored as ProseMirror (Tiptap) JSON and rendered to HTML on the server.
 * Rendering is pure: unknown nodes are dropped, text is escaped, links are limited to safe schemes (safeHref).
 */
import { escapeHtml } from '../../lib/html.js';
import { SIZES } from '../media/rules.js';

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Array<{ type: 'bold' | 'italic' | 'link'; attrs?: { href?: string } }>;
}
export interface BlockNode {
  type: 'paragraph' | 'heading' | 'blockquote' | 'bulletList' | 'orderedList' | 'listItem' | 'figure' | 'hardBreak' | 'embed';
  attrs?: { level?: number; imageId?: number; caption?: string; credit?: string; alt?: string; cite?: string; url?: string };
  content?: Array<BlockNode | TextNode>;
}
export interface BodyDoc {
  type: 'doc';
  content: BlockNode[];
}

export interface BodyImage {
  id: number;
  url: string;
  width: number;
  height: number;
  /** Responsive variants from the media library; without them the image renders with `src` alone. */
  srcset?: string;
  /** The texts stored with the image, used when the figure itself does not set them. */
  caption?: string;
  credit?: string;
  alt?: string;
}

/** Only parsed against, to tell a link within the site from one that leaves it; never written out. */
const SITE_BASE = new URL('https://site.invalid/');

/**
 * The target of a link mark as a browser will follow it, or null when it is not a link we allow: http(s) and
 * mailto, or an address on this site starting with `/`. The check runs on what the browser sees, not on the
 * raw text: browsers drop tabs and line breaks anywhere in an address and spaces and control characters around
 * it, read `\` as `/`, and take `//host`, `/\host`, `\/host` or `///host` as another site. A protocol-relative
 * target becomes an absolute `https:` link rather than being refused: the author meant a link to that site, and
 * written out it no longer looks local to an editor reading the body (nor follows the page's scheme to `http:`).
 */
export function safeHref(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const seen = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  let url: URL;
  try {
    url = /^[/\\]/.test(seen) ? new URL(seen, SITE_BASE) : new URL(seen);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.href;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.origin !== SITE_BASE.origin) return url.href;
  // `/.//host` is a path on this site, but written out as `//host` it would be another site.
  return `${url.pathname.replace(/^\/+/, '/')}${url.search}${url.hash}`;
}

export interface Embed {
  provider: 'youtube' | 'telegram';
  url: string;
  frameUrl: string;
  title: string;
}

/** Recognises a YouTube video or a public Telegram post by its address; anything else is not embeddable. */
export function parseEmbedUrl(raw: string): Embed | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^www\.|^m\./, '');
  let video: string | null = null;
  if (host === 'youtube.com') video = url.pathname === '/watch' ? url.searchParams.get('v') : (/^\/(?:shorts|embed|live)\/([^/]+)/.exec(url.pathname)?.[1] ?? null);
  else if (host === 'youtu.be') video = url.pathname.slice(1);
  if (video !== null) {
    if (!/^[A-Za-z0-9_-]{11}$/.test(video)) return null;
    return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${video}`, frameUrl: `https://www.youtube-nocookie.com/embed/${video}`, title: 'YouTube' };
  }
  if (host === 't.me') {
    const m = /^\/([A-Za-z][A-Za-z0-9_]{3,31})\/(\d{1,10})\/?$/.exec(url.pathname);
    if (!m) return null;
    return { provider: 'telegram', url: `https://t.me/${m[1]}/${m[2]}`, frameUrl: `https://t.me/${m[1]}/${m[2]}?embed=1`, title: `Telegram: ${m[1]}` };
  }
  return null;
}

function renderText(node: TextNode): string {
  let html = escapeHtml(node.text);
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`;
    else if (mark.type === 'italic') html = `<em>${html}</em>`;
    else if (mark.type === 'link') {
      const href = typeof mark.attrs?.href === 'string' ? safeHref(mark.attrs.href) : null;
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener nofollow">${html}</a>`;
    }
  }
  return html;
}

function renderNodes(nodes: Array<BlockNode | TextNode> | undefined, images: Map<number, BodyImage>): string {
  let out = '';
  for (const node of nodes ?? []) out += renderNode(node, images);
  return out;
}

function renderNode(node: BlockNode | TextNode, images: Map<number, BodyImage>): string {
  switch (node.type) {
    case 'text':
      return renderText(node);
    case 'hardBreak':
      return '<br>';
    case 'paragraph':
      return `<p>${renderNodes(node.content, images)}</p>`;
    case 'heading': {
      const level = node.attrs?.level === 3 ? 3 : 2;
      return `<h${level}>${renderNodes(node.content, images)}</h${level}>`;
    }
    case 'blockquote': {
      const cite = node.attrs?.cite ? `<footer class="quote-source">${escapeHtml(node.attrs.cite)}</footer>` : '';
      return `<blockquote>${renderNodes(node.content, images)}${cite}</blockquote>`;
    }
    case 'bulletList':
      return `<ul>${renderNodes(node.content, images)}</ul>`;
    case 'orderedList':
      return `<ol>${renderNodes(node.content, images)}</ol>`;
    case 'listItem':
      return `<li>${renderNodes(node.content, images)}</li>`;
    case 'figure': {
      const image = node.attrs?.imageId !== undefined ? images.get(node.attrs.imageId) : undefined;
      if (!image) return '';
      // The figure's own texts when it has them; absent or empty, the image's (see body-schema.ts).
      const captionText = node.attrs?.caption || image.caption;
      const creditText = node.attrs?.credit || image.credit;
      const caption = captionText ? `<span class="caption">${escapeHtml(captionText)}</span>` : '';
      const credit = creditText ? ` <span class="credit">${escapeHtml(creditText)}</span>` : '';
      const figcaption = caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : '';
      const srcset = image.srcset ? ` srcset="${escapeHtml(image.srcset)}" sizes="${SIZES.column}"` : '';
      return (
        `<figure class="photo"><img src="${escapeHtml(image.url)}"${srcset} width="${image.width}" height="${image.height}"` +
        ` alt="${escapeHtml(node.attrs?.alt || image.alt || '')}" loading="lazy" decoding="async">${figcaption}</figure>`
      );
    }
    case 'embed':
      return renderEmbed(node.attrs?.url ?? '');
    default:
      return '';
  }
}

/** An embed from a known provider becomes a sandboxed frame; anything else is dropped. */
function renderEmbed(url: string): string {
  const embed = parseEmbedUrl(url);
  if (!embed) return '';
  const frame = `<iframe src="${escapeHtml(embed.frameUrl)}" title="${escapeHtml(embed.title)}" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups" referrerpolicy="strict-origin-when-cross-origin"${embed.provider === 'youtube' ? ' allowfullscreen' : ''}></iframe>`;
  return `<figure class="embed embed-${embed.provider}">${frame}<figcaption><a href="${escapeHtml(embed.url)}" rel="noopener nofollow">${escapeHtml(embed.url)}</a></figcaption></figure>`;
}

export function renderBody(doc: BodyDoc, images: Map<number, BodyImage>): string {
  return renderNodes(doc.content, images);
}

/** Image ids a body refers to, so a renderer can load them in one query. */
export function bodyImageIds(doc: BodyDoc): number[] {
  const ids: number[] = [];
  const walk = (nodes: Array<BlockNode | TextNode> | undefined) => {
    for (const n of nodes ?? []) {
      if (n.type === 'figure' && typeof n.attrs?.imageId === 'number') ids.push(n.attrs.imageId);
      if (n.type !== 'text') walk(n.content);
    }
  };
  walk(doc.content);
  return ids;
}

/** The body without the figures that show any of `imageIds` (images deleted since it was written). */
export function withoutImages(doc: BodyDoc, imageIds: ReadonlySet<number>): BodyDoc {
  const keep = <N extends BlockNode | TextNode>(nodes: N[]): N[] =>
    nodes
      .filter((n) => !(n.type === 'figure' && typeof n.attrs?.imageId === 'number' && imageIds.has(n.attrs.imageId)))
      .map((n) => (n.type !== 'text' && n.content ? { ...n, content: keep(n.content) } : n));
  return { ...doc, content: keep(doc.content) };
}

/** Plain text of a body, for word counts and search. */
export function bodyText(doc: BodyDoc): string {
  const parts: string[] = [];
  const walk = (nodes: Array<BlockNode | TextNode> | undefined) => {
    for (const n of nodes ?? []) {
      if (n.type === 'text') parts.push(n.text);
      else {
        walk(n.content);
        parts.push(' ');
      }
    }
  };
  walk(doc.content);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
