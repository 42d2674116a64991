/**
 * The views beacon. Anonymous and state-changing, so it checks the request's origin and is
 * rate-limited; it sets no cookie. The answer carries the fresh count for the page to show.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isSameOrigin } from '../../web/plugins/security.js';
import { DomainError } from '../../lib/errors.js';
import type { ViewCounter } from './counter.js';
import { skipReason } from './rules.js';

const params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

// A transparent 1×1 GIF for the no-JavaScript fallback.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface ViewRoutesDeps {
  counter: ViewCounter;
  /** Whether the request comes from signed-in staff, who are never counted. */
  isStaff: (request: FastifyRequest) => boolean;
}

export const viewRoutes: FastifyPluginAsync<ViewRoutesDeps> = async (scope, deps) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  async function count(request: FastifyRequest, id: number) {
    if (!isSameOrigin(request.headers, request.host)) throw new DomainError('BAD_ORIGIN', 'Views are counted only from this site’s pages.');
    const skip = skipReason({ headers: request.headers, isStaff: deps.isStaff(request) });
    const result = skip
      ? await deps.counter.count(id).then((views) => (views === null ? null : { counted: false, views }))
      : await deps.counter.record(id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    if (!result) throw new DomainError('ARTICLE_NOT_FOUND', 'This article does not exist or is not published.');
    return { ...result, skipped: skip };
  }

  const rateLimit = { max: 120, timeWindow: '1 minute' };

  app.post('/api/views/:id', { schema: { params }, config: { rateLimit } }, async (request, reply) => {
    const result = await count(request, request.params.id);
    return reply.header('cache-control', 'no-store').send({ views: result.views, counted: result.counted });
  });

  app.get('/api/views/:id/pixel.gif', { schema: { params }, config: { rateLimit } }, async (request, reply) => {
    await count(request, request.params.id);
    return reply.header('cache-control', 'no-store').type('image/gif').send(PIXEL);
  });
};
