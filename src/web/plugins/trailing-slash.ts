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
 * Watches the routes registered from now on (call it before registering the admin's) and returns the
 * address a request without its slash should go to, or null.
 */
export function trackSlashedAdminRoutes(app: FastifyInstance): (request: FastifyRequest) => string | null {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('GET') || !ADMIN.test(route.url) || !route.url.endsWith('/')) return;
    if (route.url.includes(':')) patterns.push(toPattern(route.url));
    else exact.add(route.url);
  });
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const [path = '', ...query] = request.url.split('?');
    if (path.endsWith('/') || !ADMIN.test(path)) return null;
    const slashed = `${path}/`;
    if (!exact.has(slashed) && !patterns.some((p) => p.test(slashed))) return null;
    return query.length ? `${slashed}?${query.join('?')}` : slashed;
  };
}
