/**
 * The table of every route the app registers, with its methods and config, for what must reason about all routes
 * at once: the back office's addresses typed without their slash, and the tests that check that every back-office
 * route is guarded.
 */
import type { FastifyContextConfig, FastifyInstance } from 'fastify';

export interface RouteEntry {
  methods: string[];
  url: string;
  config: FastifyContextConfig;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

/** Call before registering any route. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    table.push({ methods: [route.method].flat(), url: route.url, config: (route.config ?? {}) as FastifyContextConfig });
  });
}
