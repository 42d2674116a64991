/**
 * One settings snapshot per request: `request.settings` is read once when the request arrives, so a page and its
 * chrome never mix two versions of the settings, and no handler reads the settings service again.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteSettings } from '../../lib/site-settings.js';

declare module 'fastify' {
  interface FastifyRequest {
    settings: SiteSettings;
  }
}

export function registerSettingsSnapshot(app: FastifyInstance, current: () => SiteSettings): void {
  app.decorateRequest('settings', null as unknown as SiteSettings);
  app.addHook('onRequest', (request, _reply, done) => {
    request.settings = current();
    done();
  });
}
