/**
 * A tiny JSX-to-string runtime that escapes by default.
 * Text and attribute values are always escaped; only values wrapped by `raw()` (trusted HTML we
 * rendered ourselves, such as an article body produced by our renderer) pass through unchanged.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | bigint | boolean | null | undefined | readonly Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component<P> = (props: P) => Html;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : text;
}

/** Marks a string as already-safe HTML. Use only for markup produced by our own renderers. */
export function raw(html: string): Html {
  return new Html(html);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false || child === true) return '';
  if (child instanceof Html) return child.value;
  if (Array.isArray(child)) {
    let out = '';
    for (const c of child) out += renderChild(c);
    return out;
  }
  return escapeHtml(String(child));
}

export function h<P extends Props>(
  tag: string | Component<P>,
  props: P | null,
  ...children: Child[]
): Html {
  if (typeof tag === 'function') {
    // JSX passes a fresh props object on every call, so it can take the children without a copy.
    const merged = (props ?? {}) as P;
    if (children.length > 0) (merged as Props).children = children.length === 1 ? children[0] : children;
    return tag(merged);
  }
  let out = `<${tag}`;
  if (props) {
    for (const name in props) {
      if (name === 'children') continue;
      const value = props[name];
      if (value === null || value === undefined || value === false) continue;
      out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
    }
  }
  out += '>';
  if (VOID.has(tag)) return new Html(out);
  for (let i = 0; i < children.length; i++) out += renderChild(children[i]);
  return new Html(`${out}</${tag}>`);
}

export function Fragment(props: { children?: Child }): Html {
  return new Html(renderChild(props.children));
}

/** Renders a whole document. */
export function renderDocument(root: Html): string {
  return `<!doctype html>${root.value}`;
}

/**
 * Rendered markup is a rope of thousands of small strings, and V8 walks a rope's leaves each time a page that
 * contains it is encoded. Converting a string to a number makes V8 flatten it in place, so a fragment kept for
 * reuse is walked once, not on every page.
 */
function flatten(text: string): void {
  void Number(text);
}

/**
 * Markup that depends only on an immutable object (a settings snapshot, a read model) and a variant
 * string (language, prefix) is rendered once per pair; the entries go with the object.
 */
export function fragmentMemo<K extends object>(): (key: K, variant: string, render: () => Html) => Html {
  const rendered = new WeakMap<K, Map<string, Html>>();
  return (key, variant, render) => {
    let byVariant = rendered.get(key);
    if (!byVariant) rendered.set(key, (byVariant = new Map()));
    let html = byVariant.get(variant);
    if (!html) {
      html = render();
      flatten(html.value);
      byVariant.set(variant, html);
    }
    return html;
  };
}

const SLAB_BYTES = 512 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

/**
 * UTF-8 bytes of a page that is sent once and dropped. It is written into a shared slab, as Node pools small
 * buffers: `Buffer.from` would walk a mostly Cyrillic string twice (length, then bytes) and allocate each
 * time. A slice keeps its slab alive, so bytes that are kept (the page cache) must come from `Buffer.from`.
 */
export function transientBytes(text: string): Buffer {
  const most = text.length * 3;
  if (most > SLAB_BYTES / 4) return Buffer.from(text);
  if (SLAB_BYTES - slabUsed < most) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const start = slabUsed;
  const written = slab.write(text, start);
  slabUsed = (start + written + 7) & ~7;
  return slab.subarray(start, start + written);
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = Html;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}
