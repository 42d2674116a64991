/**
 * Security headers for every response, including pages served from the page cache.
 * No page carries inline script, so the policy needs no nonce and cached pages stay shareable.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // Embeds the editors place in articles: YouTube without tracking cookies, and Telegram posts.
  'frame-src https://www.youtube-nocookie.com https://t.me',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

type Headers = Record<string, string | string[] | undefined>;

/**
 * Anonymous state-changing endpoints accept only requests from our own pages.
 * Browsers send Sec-Fetch-Site; older ones send Origin or at least Referer.
 */
export function isSameOrigin(headers: Headers, host: string | undefined): boolean {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const site = one('sec-fetch-site');
  if (site) return site === 'same-origin';
  if (!host) return false;
  const origin = one('origin');
  if (origin && origin !== 'null') return origin === `http://${host}` || origin === `https://${host}`;
  const referer = one('referer');
  if (referer) {
    try {
      return new URL(referer).host === host;
    } catch {
      return false;
    }
  }
  return false;
}
