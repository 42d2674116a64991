/**
 * A feature slice as the app registers it: its Fastify plugin and the dependencies it declares, paired so that the
 * composition root cannot hand a slice the wrong ones. A scope registers its slices as encapsulated plugins; a slice
 * sees only its own dependencies interface, never the database or the whole services bag.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

export interface Slice {
  register(scope: FastifyInstance): Promise<void>;
}

export function slice<Deps extends object>(plugin: FastifyPluginAsync<Deps>, deps: Deps): Slice {
  return {
    async register(scope) {
      await scope.register(plugin, deps);
    },
  };
}
