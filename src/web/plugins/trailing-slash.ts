/**
 * Back-office addresses typed without their trailing slash: `/admin` answers 301 to `/admin/`, and so does
 * every `/admin/…` whose slashed form is a page, the query string kept. Only addresses of registered routes
 * are redirected, so the target is always one of ours.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

const ADMIN = /^\/admin(\/|$)/;

/** A route path as a pattern for a concrete address: `:id` stands for one segment. */
const toPattern = (route: string) => new RegExp(`^${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+')}$`);

/**
 * The address a request without its slash should go to, or null: the routes are read from the app's route table
 * once, when the first such request comes (every route is registered by then).
 */
export function slashedAdminAddress(app: FastifyInstance): (request: FastifyRequest) => string | null {
  let known: { exact: Set<string>; patterns: RegExp[] } | null = null;
  const adminPages = () => {
    const pages = app.routeTable.filter((route) => route.methods.includes('GET') && ADMIN.test(route.url) && route.url.endsWith('/'));
    return { exact: new Set(pages.filter((r) => !r.url.includes(':')).map((r) => r.url)), patterns: pages.filter((r) => r.url.includes(':')).map((r) => toPattern(r.url)) };
  };
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const [path = '', ...query] = request.url.split('?');
    if (path.endsWith('/') || !ADMIN.test(path)) return null;
    const slashed = `${path}/`;
    known ??= adminPages();
    if (!known.exact.has(slashed) && !known.patterns.some((p) => p.test(slashed))) return null;
    return query.length ? `${slashed}?${query.join('?')}` : slashed;
  };
}
