/**
 * The article editor in the back office: list, write, save (and autosave), workflow, preview, revisions, and the
 * translation picker's search. Registered in the admin scope, which checks the CSRF token and the staff member's
 * right to `article.create` before any handler here runs.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { h } from '../../lib/html.js';
import type { DomainError } from '../../lib/errors.js';
import { localized } from '../../lib/localized.js';
import { formatDayTime } from '../../lib/time.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import type { AdminPages } from '../../web/admin/pages.js';
import { formSchema, formText } from '../../web/admin/fields.js';
import { describeError } from '../../web/admin/error-text.js';
import type { Site } from '../../web/public/site.js';
import { staffMember } from '../accounts/access.js';
import { can, type Actor } from '../accounts/policy.js';
import type { ArticleInput } from '../articles/rules.js';
import { bodyImageIds } from '../articles/body.js';
import { imageUrl } from '../articles/store.js';
import { articlePageModel, sendArticlePage } from '../articles/pages.js';
import { PAGE, type EditorialArticle, type EditorialService } from './service.js';
import { inputFromForm, submittedInput } from './form.js';
import { EDITORIAL_ERRORS, EDITORIAL_TEXT, type EditorialText } from './text.js';
import { ARTICLE_STATUSES, ArticleListPage, ConfirmUnpublishPage, EditorPage, RevisionsPage } from './views.js';
import type { EditorChoices } from './editor-form.js';

export interface EditorialRoutesDeps {
  pages: AdminPages;
  /** The preview is the public article page. */
  site: Site;
  editorial: EditorialService;
}

const rowId = z.coerce.number().int().positive().max(2 ** 31 - 1);
const idParams = z.object({ id: rowId });
const revisionParams = z.object({ id: rowId, rev: rowId });
/** The article a refused command was about; none for a new one. */
const refusedParams = z.object({ id: rowId.optional() });

const listQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** A search for the original typed without JavaScript: `?translationQ=…` on the editor page. */
const translationQ = z.string().max(200).optional().catch(undefined);
const newArticleQuery = z.object({ translationQ });

/** The `?done=` of the page an action redirects to, naming its notice. */
const DONE = { publish: 'published', update: 'published', schedule: 'scheduled', submit: 'submitted', unpublish: 'unpublished', draft: 'draft', discard: 'discarded' } as const;
const DONE_NOTICES = ['published', 'scheduled', 'submitted', 'unpublished', 'draft', 'discarded', 'pending'] as const;
type Done = (typeof DONE_NOTICES)[number];

/** How many of what a restored revision named are gone since (`?restored=1&images=N…`). */
const goneCount = z.coerce.number().int().min(0).max(10_000).catch(0);

/** The editor page's notices: after a save (`?saved=1`), an action (`?done=published`…) or a restore; and the translation search. */
const editorQuery = z.object({
  saved: z.literal('1').optional().catch(undefined),
  done: z.enum(DONE_NOTICES).optional().catch(undefined),
  restored: z.literal('1').optional().catch(undefined),
  images: goneCount,
  rubrics: goneCount,
  authors: goneCount,
  translationQ,
});
type EditorQuery = z.infer<typeof editorQuery>;

/** The two revisions compared (`?a=&b=`); without them (or with a bad one), the page picks them. */
const compareQuery = z.object({ a: rowId.optional().catch(undefined), b: rowId.optional().catch(undefined) });

const candidatesQuery = z.object({
  lang: z.enum(['ru', 'en'], { message: 'must be ru or en' }),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  exclude: rowId.optional(),
  before: rowId.optional(),
});

/** What the editor's form asks for: a save, a workflow action on the fields sent, or dropping the working copy. */
const WORKFLOW_ACTIONS = ['discard', 'publish', 'update', 'schedule', 'submit', 'draft', 'unpublish'] as const;

/** The article's fields (read by inputFromForm), as the editor's form, the preview and the autosave send them. */
const articleForm = formSchema({});
/** The editor's one form: the article's fields, the button pressed, and what a workflow button needs. */
const editorForm = formSchema({ action: z.enum(['save', ...WORKFLOW_ACTIONS]).catch('save'), confirm: formText, publishAt: formText, updatedAt: formText });
const autosaveForm = formSchema({ updatedAt: formText });
/** A workflow action on what is saved, for clients that send no fields; withdrawing still needs confirm=1. */
const workflowForm = formSchema({ action: z.enum(WORKFLOW_ACTIONS, { message: 'unknown' }), confirm: formText, publishAt: formText });

/**
 * The notice at the top of the editor: after a save, an action, or a restore (naming what was left out); else, on
 * reopening unpublished changes, says so.
 */
function editorNotice(t: EditorialText, query: EditorQuery, article: EditorialArticle, zone: string): string | undefined {
  if (query.saved) return t.saved;
  const parts: string[] = [];
  if (query.restored) {
    const counts = [[t.goneImages, query.images], [t.goneRubrics, query.rubrics], [t.goneAuthors, query.authors]] as const;
    const gone = counts.filter(([, n]) => n > 0).map(([label, n]) => `${label}: ${n}`);
    parts.push(gone.length ? `${t.restored} ${t.leftOut} ${gone.join(', ')}.` : t.restored);
  }
  if (query.done) {
    const text = t.done[query.done];
    parts.push(query.done === 'scheduled' && article.publishedAt ? `${text} ${formatDayTime(new Date(article.publishedAt), zone)}` : text);
  }
  const copy = article.workingCopy;
  if (parts.length === 0 && copy) {
    parts.push(`${t.workingCopyOpened} ${formatDayTime(new Date(copy.updatedAt), zone)}${copy.byName ? ` (${copy.byName})` : ''}. ${t.workingCopyHint}`);
  }
  return parts.length ? parts.join(' ') : undefined;
}

/** What the editor page shows besides the article: a notice, or a refusal with what was sent; a translation search. */
interface Shown {
  status?: number;
  notice?: string;
  error?: DomainError;
  submitted?: Partial<ArticleInput>;
  translationQ?: string;
}

export const editorialRoutes: FastifyPluginAsync<EditorialRoutesDeps> = async (scope, { pages, site, editorial }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  async function choices(actor: Actor, lang: 'ru' | 'en', article: EditorialArticle | null, search?: string): Promise<EditorChoices> {
    const otherLang = (article?.lang ?? lang) === 'ru' ? 'en' : 'ru';
    const [options, found] = await Promise.all([
      editorial.editorOptions({ linkedId: article?.input.translationOf ?? null, bodyImageIds: article?.input.body ? bodyImageIds(article.input.body) : [] }),
      search === undefined ? undefined : editorial.translationCandidates(actor, { lang: otherLang, q: search, exclude: article?.id }),
    ]);
    return {
      authors: options.authors.map((a) => ({ id: a.id, name: localized(a.name, a.translations, lang, 'name') })),
      rubrics: options.rubrics.map((r) => ({ id: r.id, name: localized(r.name, r.translations, lang, 'name'), isFlag: r.is_flag === 1 })),
      images: options.images.map((i) => ({ id: i.id, label: `#${i.id} ${i.caption || i.file}` })),
      translation: { linked: options.linked, lang: otherLang, search: found && search !== undefined ? { q: search, found: found.items } : undefined },
      imageSources: Object.fromEntries(options.bodyImages.map((i) => [i.id, imageUrl(i.file)])),
    };
  }

  async function editorPage(request: FastifyRequest, reply: FastifyReply, article: EditorialArticle | null, shown: Shown = {}) {
    const actor = staffMember(request);
    const ctx = pages.context(request, reply);
    const refusal = shown.error ? describeError(ctx.lang, EDITORIAL_ERRORS, shown.error) : undefined;
    const options = await choices(actor, ctx.lang, article, shown.translationQ);
    return pages.send(
      reply,
      <EditorPage ctx={ctx} t={EDITORIAL_TEXT[ctx.lang]} article={article} choices={options} actor={actor} zone={request.settings.timeZone} notice={shown.notice} submitted={shown.submitted} error={refusal?.summary} details={refusal?.problems} />,
      shown.status,
    );
  }

  /**
   * A refused command of the editor: the editor again with the reason and its status, showing the fields sent
   * (`sent`) or what is saved. An article that is not there (or an address that names none) gets the not-found page.
   */
  const refusedEditor = (sent: 'shown' | 'saved') => async (error: DomainError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code === 'NOT_FOUND' || error.code === 'ARTICLE_NOT_FOUND') return pages.notFound(request, reply);
    const { id } = refusedParams.parse(request.params);
    const article = id === undefined ? null : await editorial.get(staffMember(request), id);
    return editorPage(request, reply, article, { status: ERROR_CATALOGUE[error.code].status, error, submitted: sent === 'shown' ? submittedInput(request.body) : undefined });
  };

  const access = 'article.create' as const;
  const page = { access, errorTexts: EDITORIAL_ERRORS };
  /** The editor's form and the preview of its fields: refused, the editor shows what was sent. */
  const form = { ...page, onRefused: refusedEditor('shown') };
  /** An action on what is saved: refused, the editor shows the article as saved. */
  const command = { ...page, onRefused: refusedEditor('saved') };
  /** The editor's script shows the error of its JSON endpoints, so they answer in the editor's words. */
  const api = { ...page, api: true };

  const done = (reply: FastifyReply, id: number, what: Done) => reply.redirect(`/admin/articles/${id}?done=${what}`, 303);

  /** Before an article goes 410, the editor confirms: this page without JavaScript, a dialog with it (which sends confirm=1). */
  async function confirmUnpublish(request: FastifyRequest, reply: FastifyReply, id: number) {
    const ctx = pages.context(request, reply);
    const article = await editorial.get(staffMember(request), id);
    return pages.send(reply, <ConfirmUnpublishPage ctx={ctx} t={EDITORIAL_TEXT[ctx.lang]} article={article} />);
  }

  app.get('/admin/articles/', { schema: { querystring: listQuery }, config: page }, async (request, reply) => {
    const ctx = pages.context(request, reply);
    const { items, total } = await editorial.list(staffMember(request), request.query);
    return pages.send(reply, <ArticleListPage ctx={ctx} t={EDITORIAL_TEXT[ctx.lang]} query={request.query} items={items} total={total} pageSize={PAGE} zone={request.settings.timeZone} />);
  });

  app.get('/admin/articles/new', { schema: { querystring: newArticleQuery }, config: page }, (request, reply) => editorPage(request, reply, null, { translationQ: request.query.translationQ }));

  app.post('/admin/articles/', { schema: { body: articleForm }, config: form }, async (request, reply) => {
    const input = inputFromForm(request.body);
    const id = await editorial.create(staffMember(request), { ...input, lang: input.lang ?? request.settings.locale, headline: input.headline ?? '', body: input.body ?? { type: 'doc', content: [] } });
    return reply.redirect(`/admin/articles/${id}?saved=1`, 303);
  });

  app.get('/admin/articles/:id', { schema: { params: idParams, querystring: editorQuery }, config: page }, async (request, reply) => {
    const article = await editorial.get(staffMember(request), request.params.id);
    const notice = editorNotice(EDITORIAL_TEXT[request.settings.locale], request.query, article, request.settings.timeZone);
    return editorPage(request, reply, article, { notice, translationQ: request.query.translationQ });
  });

  /**
   * The editor's one form: every button sends the fields on screen. "Save" saves them (into the working copy of a
   * live article); a workflow button saves them and then acts, and a refused save acts on nothing.
   */
  app.post('/admin/articles/:id', { schema: { params: idParams, body: editorForm }, config: form }, async (request, reply) => {
    const user = staffMember(request);
    const { id } = request.params;
    const { action, confirm, publishAt, updatedAt } = request.body;
    if (action === 'discard') {
      await editorial.discardChanges(user, id);
      return done(reply, id, 'discarded');
    }
    const { lang: _lang, ...input } = inputFromForm(request.body);
    if (action === 'save' || (action === 'unpublish' && confirm !== '1')) {
      const outcome = await editorial.save(user, id, input, updatedAt);
      if (action === 'unpublish') return confirmUnpublish(request, reply, id);
      return outcome === 'pending' ? done(reply, id, 'pending') : reply.redirect(`/admin/articles/${id}?saved=1`, 303);
    }
    await editorial.saveAndAct(user, id, action, input, { expectedUpdatedAt: updatedAt, publishAt });
    return done(reply, id, DONE[action]);
  });

  app.post('/admin/articles/:id/autosave', { schema: { params: idParams, body: autosaveForm }, config: api }, async (request, reply) => {
    const user = staffMember(request);
    const { id } = request.params;
    const { lang: _lang, ...input } = inputFromForm(request.body);
    const outcome = await editorial.save(user, id, input, request.body.updatedAt);
    const article = await editorial.get(user, id);
    return reply.header('cache-control', 'no-store').send({ updatedAt: article.updatedAt, savedAt: formatDayTime(new Date(), request.settings.timeZone).slice(-5), pending: outcome === 'pending' });
  });

  /** Originals the editor's translation picker offers as one types: `{ items, next }`, `next` being the `before` of the next page. */
  app.get('/admin/api/articles/translation-candidates', { schema: { querystring: candidatesQuery }, config: api }, async (request, reply) => {
    const t = EDITORIAL_TEXT[request.settings.locale];
    const { items, next } = await editorial.translationCandidates(staffMember(request), request.query);
    return reply.header('cache-control', 'no-store').send({ items: items.map((c) => ({ ...c, statusLabel: t.status[c.status] })), next });
  });

  app.post('/admin/articles/:id/workflow', { schema: { params: idParams, body: workflowForm }, config: command }, async (request, reply) => {
    const user = staffMember(request);
    const { id } = request.params;
    const { action, confirm, publishAt } = request.body;
    if (action === 'discard') await editorial.discardChanges(user, id);
    else if (action === 'unpublish' && confirm !== '1') return confirmUnpublish(request, reply, id);
    else await editorial.act(user, id, action, publishAt);
    return done(reply, id, DONE[action]);
  });

  /** The article exactly as readers will see it: GET shows what is saved (the working copy included), POST the fields sent. */
  async function preview(request: FastifyRequest, reply: FastifyReply, id: number, fields: Partial<ArticleInput>) {
    const model = await editorial.preview(staffMember(request), id, fields, (db) => articlePageModel(db, id));
    return sendArticlePage(site, request, reply, model);
  }

  app.get('/admin/articles/:id/preview', { schema: { params: idParams }, config: command }, (request, reply) => preview(request, reply, request.params.id, {}));

  app.post('/admin/articles/:id/preview', { schema: { params: idParams, body: articleForm }, config: form }, (request, reply) => {
    const { lang: _lang, ...input } = inputFromForm(request.body);
    return preview(request, reply, request.params.id, input);
  });

  app.get('/admin/articles/:id/revisions', { schema: { params: idParams, querystring: compareQuery }, config: page }, async (request, reply) => {
    const user = staffMember(request);
    const { id } = request.params;
    const article = await editorial.get(user, id);
    const revisions = await editorial.revisions(user, id);
    // With unpublished changes, the comparison starts as "on the site" against "pending".
    const live = revisions.find((r) => r.mark === 'live');
    const pending = revisions.find((r) => r.mark === 'pending');
    const a = request.query.a ?? (pending && live ? live.id : (revisions[1]?.id ?? revisions[0]?.id));
    const b = request.query.b ?? pending?.id ?? revisions[0]?.id;
    const diff = a !== undefined && b !== undefined && revisions.length ? await editorial.diff(user, id, a, b) : [];
    const mayRestore = can(user, 'article.edit', { createdBy: article.createdBy, status: article.status });
    const ctx = pages.context(request, reply);
    return pages.send(reply, <RevisionsPage ctx={ctx} t={EDITORIAL_TEXT[ctx.lang]} article={article} revisions={revisions} a={a} b={b} diff={diff} mayRestore={mayRestore} zone={request.settings.timeZone} />);
  });

  app.post('/admin/articles/:id/revisions/:rev/restore', { schema: { params: revisionParams }, config: command }, async (request, reply) => {
    const { id, rev } = request.params;
    const gone = await editorial.restore(staffMember(request), id, rev);
    const images = new Set(gone.cover === null ? gone.bodyImages : [...gone.bodyImages, gone.cover]);
    const query = new URLSearchParams({ restored: '1', images: String(images.size), rubrics: String(gone.rubrics.length), authors: String(gone.authors.length) });
    if (gone.outcome === 'pending') query.set('done', 'pending');
    return reply.redirect(`/admin/articles/${id}?${query}`, 303);
  });
};
