/**
 * The reading site's scope. Page slices are registered once per language prefix ('' for the site's language, '/ru'
 * and '/en'); a hook gives every request its language (`request.lang`) and answers a prefix that names the site's
 * own language with a 301 to the unprefixed address. Its error handler turns what a reader got wrong (an address
 * that names nothing, a query that is not valid) into a page in the reader's language. Endpoints without a language
 * (the views beacon) are registered once.
 */
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../lib/errors.js';
import { LANGS, translator, type Lang } from '../../lib/i18n.js';
import type { Slice } from '../slice.js';
import { refusalOf } from '../validation.js';
import { langOfPath, type Site } from './site.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of a public page, from its address. */
    lang: Lang;
  }
}

export interface PublicScopeOptions {
  site: Site;
  /** Slices of pages, served in every language. */
  pages: Slice[];
  /** Slices of endpoints that have no language. */
  endpoints: Slice[];
}

const PREFIXES = ['', ...LANGS.map((l) => `/${l}`)];

const pagesInOneLanguage: FastifyPluginAsync<{ site: Site; pages: Slice[] }> = async (scope, { site, pages }) => {
  scope.decorateRequest('lang', null as unknown as Lang);
  scope.addHook('onRequest', (request, reply, done) => {
    const { lang, redirect } = langOfPath(request.url, request.settings.locale);
    if (redirect !== null) {
      void reply.redirect(redirect, 301);
      return;
    }
    request.lang = lang;
    done();
  });

  scope.setErrorHandler(async (raw: FastifyError | DomainError, request, reply) => {
    const error = raw instanceof DomainError ? raw : refusalOf(raw);
    if (!error) throw raw;
    const { lang } = request;
    if (error.code === 'NOT_FOUND' || error.code === 'ARTICLE_NOT_FOUND') return site.sendError(request, reply, lang, 404);
    if (error.code === 'VALIDATION') return site.sendError(request, reply, lang, 400, translator(lang).t('badPageNumber'));
    throw raw;
  });

  for (const page of pages) await page.register(scope);
};

export const publicScope: FastifyPluginAsync<PublicScopeOptions> = async (scope, { site, pages, endpoints }) => {
  for (const prefix of PREFIXES) await scope.register(pagesInOneLanguage, { prefix, site, pages });
  for (const endpoint of endpoints) await endpoint.register(scope);
};
