/**
 * The page cache: rendered public pages held in memory with their gzip and brotli bytes and an
 * ETag, served before the router runs. Each page records what it shows (dependencies.ts); an event drops the pages
 * that depend on what it changed, and every entry also ends at the next local midnight (the calendar marks
 * "today"), so a stale page is never served.
 */
import { hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { EventBus } from '../../lib/events.js';
import { changeOf, isEmpty, type Change, type Dependencies } from '../../lib/dependencies.js';
import { SECURITY_HEADERS } from './security.js';

type Headers = Record<string, string | number>;
/** Name, value, name, value…: node:http writes a flat list without walking an object's keys. */
type FlatHeaders = string[];

const flat = (headers: Headers): FlatHeaders => Object.entries(headers).flatMap(([name, value]) => [name, String(value)]);

/** One encoding of a page with its complete response headers, built once rather than per request. */
interface Variant {
  body: Buffer;
  headers: FlatHeaders;
}

interface Entry {
  /** The bytes this entry holds (the page and the compressed copies made so far), counted against the budget. */
  bytes: number;
  /** Served since eviction last looked at it: it gets a second chance (CLOCK), so a hit only sets a flag. */
  used: boolean;
  etag: string;
  contentType: string;
  expiresAt: number;
  identity: Variant;
  /** The headers every variant shares, and what a 304 answers with. */
  base: Headers;
  notModified: FlatHeaders;
  gzip?: Variant;
  br?: Variant;
  /** What the page shows: read only when an event comes, never on a hit. */
  deps: Dependencies;
}

export const SESSION_COOKIE = 'dl_session';

/** Staff with a session see pages as they are (previews, no counting), so their requests never use the cache. */
export function carriesSession(cookie: string | undefined): boolean {
  return cookie !== undefined && cookie.includes(`${SESSION_COOKIE}=`);
}

export function etagOf(body: Buffer): string {
  // The one-shot hash avoids a Hash object per page; SHA-1 is only a fingerprint here, not a signature.
  return `"${hash('sha1', body, 'base64url')}"`;
}

/**
 * Whether a URL's page may be kept: no query string, or only the page number. Other queries (tracking tags,
 * cache-busting junk) are answered but not kept, so they cannot push the pages readers need out of memory.
 */
export function isKeepableUrl(url: string): boolean {
  return /^[^?#]*(\?page=\d{1,6})?$/.test(url);
}

/** Which encoding to send, from an Accept-Encoding header. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const accepted = acceptEncoding
    .split(',')
    .map((p) => p.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

export class PageCache {
  /** Oldest first; eviction walks from the front, passing over pages served since it last looked. */
  private entries = new Map<string, Entry>();
  private bytes = 0;
  /**
   * Counts the events that changed something; a page rendered from data read before the latest one is not kept.
   * It is global, not per dependency: a page rendered across any such event is answered but not kept.
   */
  private generation = 0;
  /**
   * While this node cannot hear the other nodes' events it keeps no new pages, since it would not know when to drop
   * them. The pages it has go on being served: the usual cause is the database restarting, when nothing can change,
   * and they are all dropped as soon as the node hears again.
   */
  private deaf = false;

  constructor(
    readonly enabled: boolean,
    events: EventBus,
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly clock: () => number = Date.now,
  ) {
    events.on((event) => this.drop(changeOf(event)));
  }

  /** Drops the pages that depend on a change; a change of nothing keeps every page and the generation. */
  private drop(change: Change): void {
    if (isEmpty(change)) return;
    this.generation++;
    if (change === 'all') {
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    for (const [key, entry] of this.entries) if (entry.deps.affectedBy(change)) this.remove(key);
  }

  /** Stamps each routed request, so `store` can tell whether an event came while its page was being rendered. */
  register(app: FastifyInstance): void {
    app.decorateRequest('cacheGeneration', 0);
    app.addHook('onRequest', (request, _reply, done) => {
      request.cacheGeneration = this.generation;
      done();
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, page and compressed copies together. */
  get byteSize(): number {
    return this.bytes;
  }

  /** Told by the event relay whether this node hears the other nodes; keeping new pages stops while it does not. */
  setHearing(hearing: boolean): void {
    this.deaf = !hearing;
  }

  /**
   * Keeps a page and returns its ETag; with the cache switched off, keeps nothing and returns null.
   * `renderedSince` is the request's stamp: when an event came after it, the page may show data from before the
   * change, so it is answered (with its ETag) but not kept. `deps` is what the page shows.
   */
  store(key: string, body: Buffer, contentType: string, expiresAt: number, renderedSince: number, deps: Dependencies): string | null {
    if (!this.enabled) return null;
    const etag = etagOf(body);
    if (renderedSince !== this.generation || this.deaf || !isKeepableUrl(key)) return etag;
    const base: Headers = {
      ...SECURITY_HEADERS,
      'content-type': contentType,
      'cache-control': 'public, max-age=0, must-revalidate',
      etag,
      vary: 'Accept-Encoding',
      'x-page-cache': 'hit',
    };
    this.remove(key);
    this.entries.set(key, {
      bytes: body.length,
      used: false,
      etag,
      contentType,
      expiresAt,
      identity: { body, headers: flat({ ...base, 'content-length': body.length }) },
      base,
      notModified: flat(base),
      deps,
    });
    this.grow(body.length);
    return etag;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }

  /**
   * Counts new bytes, then drops pages from the oldest until the cache fits its budget again. A page served since
   * the last pass is moved to the back instead (once), so pages readers keep asking for stay. Moving entries only
   * here, not on every hit, keeps the hit path free of Map churn, which cost 50 MB of RSS under load.
   */
  private grow(bytes: number): void {
    this.bytes += bytes;
    while (this.bytes > this.maxBytes && this.entries.size > 1) {
      const [key, entry] = this.entries.entries().next().value as [string, Entry];
      if (entry.used) {
        entry.used = false;
        this.entries.delete(key);
        this.entries.set(key, entry);
      } else {
        this.remove(key);
      }
    }
  }

  /** Serves a cached page straight from memory; returns false when the router must handle the request. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    if (carriesSession(req.headers.cookie)) return false;
    const url = req.url ?? '';
    const entry = this.entries.get(url);
    if (!entry) return false;
    if (entry.expiresAt <= this.clock()) {
      this.remove(url);
      return false;
    }
    entry.used = true;
    this.send(req, res, entry);
    return true;
  }

  private send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, entry.notModified);
      res.end();
      return;
    }
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const variant = encoding ? this.compressed(entry, encoding) : entry.identity;
    res.writeHead(200, variant.headers);
    res.end(req.method === 'HEAD' ? undefined : variant.body);
  }

  /** The page compressed as asked, made on first demand and kept with the page. */
  private compressed(entry: Entry, encoding: 'br' | 'gzip'): Variant {
    let variant = entry[encoding];
    if (!variant) {
      const source = entry.identity.body;
      const body =
        encoding === 'br'
          ? brotliCompressSync(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length } })
          : gzipSync(source, { level: 9 });
      variant = { body, headers: flat({ ...entry.base, 'content-encoding': encoding, 'content-length': body.length }) };
      entry[encoding] = variant;
      entry.bytes += body.length;
      this.grow(body.length);
    }
    return variant;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The page cache's generation when the request arrived. */
    cacheGeneration: number;
  }
}
