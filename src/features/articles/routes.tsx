/**
 * Public reading routes: home, article, rubric, tag and author pages. Registered in the public scope once per
 * language prefix, which gives each request its language and answers an address or a page number that names nothing.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from '../../lib/html.js';
import { langPrefix, translator } from '../../lib/i18n.js';
import { localized } from '../../lib/localized.js';
import { isValidSlug } from '../../lib/slug.js';
import { Dependencies } from '../../lib/dependencies.js';
import type { Site } from '../../web/public/site.js';
import { pageQuery } from '../../web/public/list-page.js';
import { articlePath } from './rules.js';
import type { ArticleReader } from './reader.js';
import { frontPageDependencies, sendArticleList, sendArticlePage } from './pages.js';
import { AuthorPhoto, HomePage } from './views.js';

export interface ArticleRoutesDeps {
  site: Site;
  reader: ArticleReader;
}

const articleParams = z.object({ slug: z.string().refine(isValidSlug) });
const slugParams = z.object({ slug: z.string() });
const listSchema = { params: slugParams, querystring: pageQuery };

/** The query string of a request ('?page=2'), kept when an old address redirects to the new one. */
const queryOf = (request: FastifyRequest) => {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at);
};

export const articleRoutes: FastifyPluginAsync<ArticleRoutesDeps> = async (scope, { site, reader }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  /** An old address of a rubric, tag or author page answers 301 to where the page lives now, query kept; else 404. */
  const movedOrMissing = (request: FastifyRequest, reply: FastifyReply, movedTo: string | null, pathOf: (slug: string) => string) =>
    movedTo ? reply.redirect(`${pathOf(movedTo)}${queryOf(request)}`, 301) : site.sendError(request, reply, request.lang, 404);

  app.get('/', async (request, reply) => {
    const { lang } = request;
    const model = await reader.frontPage(lang);
    const ctx = await site.context(request, lang, `${langPrefix(lang, request.settings.locale)}/`);
    return site.send(request, reply, <HomePage model={model} ctx={ctx} />, ctx.dependsOn.add(frontPageDependencies(model)));
  });

  app.get('/news/:slug', { schema: { params: articleParams } }, async (request, reply) => {
    const { lang } = request;
    const found = await reader.findBySlug(lang, request.params.slug);
    if (!found) return site.sendError(request, reply, lang, 404);
    if ('movedTo' in found) return reply.redirect(articlePath(lang, found.movedTo, request.settings.locale), 301);
    if (found.status === 'unpublished') return site.sendError(request, reply, lang, 410);
    if (found.status !== 'published') return site.sendError(request, reply, lang, 404);
    return sendArticlePage(site, request, reply, await reader.pageModel(found.id));
  });

  app.get('/rubric/:slug/', { schema: listSchema }, async (request, reply) => {
    const { lang } = request;
    const { slug } = request.params;
    const prefix = langPrefix(lang, request.settings.locale);
    const rubric = await reader.findRubric(slug);
    if (!rubric) return movedOrMissing(request, reply, await reader.currentRubricSlug(slug), (to) => `${prefix}/rubric/${to}/`);
    return sendArticleList(site, reader, request, reply, {
      page: request.query.page,
      path: `${prefix}/rubric/${rubric.slug}/`,
      title: localized(rubric.name, rubric.translations, lang, 'name'),
      alternatePath: null,
      filter: { lang, rubricId: rubric.id },
      list: new Dependencies().tag(`rubric:${rubric.id}`),
    });
  });

  app.get('/tag/:slug/', { schema: listSchema }, async (request, reply) => {
    const { lang } = request;
    const { slug } = request.params;
    const prefix = langPrefix(lang, request.settings.locale);
    const tag = await reader.findTag(lang, slug);
    if (!tag) return movedOrMissing(request, reply, await reader.currentTagSlug(lang, slug), (to) => `${prefix}/tag/${to}/`);
    return sendArticleList(site, reader, request, reply, {
      page: request.query.page,
      path: `${prefix}/tag/${tag.slug}/`,
      title: translator(lang).t('tagTitle', { name: tag.name }),
      alternatePath: null,
      filter: { lang, tagId: tag.id },
      list: new Dependencies().tag(`tag:${tag.id}`),
    });
  });

  app.get('/author/:slug/', { schema: listSchema }, async (request, reply) => {
    const { lang } = request;
    const { slug } = request.params;
    const prefix = langPrefix(lang, request.settings.locale);
    const author = await reader.findAuthor(slug);
    if (!author) return movedOrMissing(request, reply, await reader.currentAuthorSlug(slug), (to) => `${prefix}/author/${to}/`);
    const role = localized(author.role_title, author.translations, lang, 'role_title');
    const bio = localized(author.bio, author.translations, lang, 'bio');
    const name = localized(author.name, author.translations, lang, 'name');
    const photo = author.photo_image_id === null ? null : await reader.findImage(author.photo_image_id);
    return sendArticleList(site, reader, request, reply, {
      page: request.query.page,
      path: `${prefix}/author/${author.slug}/`,
      title: name,
      intro: [role, bio].filter(Boolean).join('. '),
      picture: <AuthorPhoto photo={photo} name={name} />,
      filter: { lang, authorId: author.id },
      list: new Dependencies().tag(`author:${author.id}`),
    });
  });
};
