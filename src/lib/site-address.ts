/**
 * The site's own address. Absolute URLs (canonical, OpenGraph, JSON-LD, mails) are built from it, never from a
 * request's Host or X-Forwarded-Host, and a request for a host the site does not serve is refused before routing
 * or the page cache (as Django's ALLOWED_HOSTS does): one forged header must not reach a page, a cached copy or
 * a mail.
 */

export interface SiteAddressOptions {
  /** PUBLIC_URL without a trailing slash, when set. */
  publicUrl: string | undefined;
  /** The address the server listens on (HOST). */
  listenHost: string;
  /** The configured port; replaced by the real one once the server listens (port 0 in tests). */
  port: number;
  /** ALLOWED_HOSTS: further names, exact or `.example.org` for the name and its subdomains. */
  allowedHosts: readonly string[];
}

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost']);

/** The host name of a Host header value, lower-cased, without the port or a trailing dot; null when malformed. */
export function hostName(header: string): string | null {
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9_.-]+))(?::\d{1,5})?$/.exec(header.trim().toLowerCase());
  if (!m) return null;
  const name = m[1] ?? m[2]!;
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** The host shown for a listening address: the name a person types, `localhost` for the loopback and any address. */
function shownHost(listenHost: string): string {
  return ANY_ADDRESS.has(listenHost) ? 'localhost' : listenHost.includes(':') ? `[${listenHost}]` : listenHost;
}

export class SiteAddress {
  private port: number;
  private readonly exact = new Set<string>();
  private readonly suffixes: string[] = [];
  /** The last header found served: nearly every request repeats it, so the cached path skips the parse. */
  private lastServed: string | undefined;

  constructor(private readonly options: SiteAddressOptions) {
    this.port = options.port;
    const own = options.publicUrl ? [new URL(options.publicUrl).hostname] : ['localhost', '127.0.0.1', '[::1]', options.listenHost, shownHost(options.listenHost)];
    for (const name of [...own, ...options.allowedHosts]) {
      const clean = name.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
      if (clean.startsWith('.')) this.suffixes.push(clean);
      else if (clean) this.exact.add(clean);
    }
  }

  /** Called once the server listens, so links name the real port. */
  listening(port: number): void {
    this.port = port;
  }

  /** The origin absolute URLs start with: PUBLIC_URL, or the address the server prints when it starts. */
  origin(): string {
    return this.options.publicUrl ?? `http://${shownHost(this.options.listenHost)}:${this.port}`;
  }

  /** Whether a Host (or X-Forwarded-Host) header names this site. */
  serves(header: string | undefined): boolean {
    if (header === undefined) return false;
    if (header === this.lastServed) return true;
    const name = hostName(header);
    if (name === null) return false;
    const served = this.exact.has(name) || this.suffixes.some((suffix) => name === suffix.slice(1) || name.endsWith(suffix));
    if (served) this.lastServed = header;
    return served;
  }
}
