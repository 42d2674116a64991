/** The article editor in the back office: list, write, save (and autosave), workflow, preview, revisions. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { h, Fragment } from '../../lib/html.js';
import { DomainError } from '../../lib/errors.js';
import { formatDayTime } from '../../lib/time.js';
import { localized } from '../../lib/localized.js';
import type { ArticleStatus } from '../../storage/schema.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import { AdminLayout, CsrfField } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import { describeError } from '../../web/admin/error-text.js';
import { adminContext, formBody, requireApiStaff, requireStaff, sendAdmin, sendAdminNotFound, sendForbidden, type AdminDeps } from '../../web/admin/kit.js';
import { can } from '../accounts/policy.js';
import type { ArticleInput } from '../articles/rules.js';
import { bodyImageIds } from '../articles/body.js';
import { imageUrl } from '../articles/store.js';
import { articlePageModel, sendArticlePage } from '../articles/pages.js';
import type { SessionUser } from '../accounts/service.js';
import { PAGE, type EditorialArticle } from './service.js';
import { inputFromForm } from './form.js';
import { EDITORIAL_ERRORS, EDITORIAL_TEXT, type EditorialText } from './text.js';
import { ConfirmUnpublish, EditorForm, TranslationSearchForm, Workflow, type EditorChoices } from './views.js';

const STATUSES: ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const listQuery = z.object({ status: z.enum(STATUSES).optional().catch(undefined), q: z.string().max(200).optional().catch(undefined), page: z.coerce.number().int().min(1).max(10_000).catch(1) });

const translationQueryParams = z.object({ translationQ: z.string().max(200) });
/** A search for the original typed without JavaScript: `?translationQ=…` on the editor page. */
const translationQuery = (request: FastifyRequest): string | undefined => (request.method === 'GET' ? translationQueryParams.safeParse(request.query).data?.translationQ : undefined);

const candidatesQuery = z.object({
  lang: z.enum(['ru', 'en'], { message: 'must be ru or en' }),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  exclude: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  before: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
});

/** What the editor's form asks for: a save, a workflow action on the fields sent, or dropping the working copy. */
const WORKFLOW_ACTIONS = ['discard', 'publish', 'update', 'schedule', 'submit', 'draft', 'unpublish'] as const;
const workflowAction = z.enum(WORKFLOW_ACTIONS);
const formAction = z.enum(['save', ...WORKFLOW_ACTIONS]).catch('save');
type FormAction = z.infer<typeof formAction>;

/** The `?done=` of the page an action redirects to, naming its notice. */
const DONE = { publish: 'published', update: 'published', schedule: 'scheduled', submit: 'submitted', unpublish: 'unpublished', draft: 'draft', discard: 'discarded' } as const;
type Done = (typeof DONE)[keyof typeof DONE] | 'pending';
const doneQuery = z.object({ done: z.enum(['published', 'scheduled', 'submitted', 'unpublished', 'draft', 'discarded', 'pending']) });

const restoredQuery = z.object({
  restored: z.literal('1'),
  images: z.coerce.number().int().min(0).max(10_000).default(0),
  rubrics: z.coerce.number().int().min(0).max(10_000).default(0),
  authors: z.coerce.number().int().min(0).max(10_000).default(0),
});

/**
 * The notice at the top of the editor: after a save (`?saved=1`), an action (`?done=published`…), or a restore
 * (`?restored=1&images=N…`, naming what was left out); else, on reopening unpublished changes, says so.
 */
function editorNotice(t: EditorialText, query: unknown, article: EditorialArticle, zone: string): string | undefined {
  if ((query as { saved?: string }).saved === '1') return t.saved;
  const parts: string[] = [];
  const restored = restoredQuery.safeParse(query);
  if (restored.success) {
    const { images, rubrics, authors } = restored.data;
    const gone = [
      [t.goneImages, images],
      [t.goneRubrics, rubrics],
      [t.goneAuthors, authors],
    ]
      .filter(([, n]) => Number(n) > 0)
      .map(([label, n]) => `${label}: ${n}`);
    parts.push(gone.length ? `${t.restored} ${t.leftOut} ${gone.join(', ')}.` : t.restored);
  }
  const done = doneQuery.safeParse(query);
  if (done.success) {
    const text = t.done[done.data.done];
    parts.push(done.data.done === 'scheduled' && article.publishedAt ? `${text} ${formatDayTime(new Date(article.publishedAt), zone)}` : text);
  }
  const copy = article.workingCopy;
  if (parts.length === 0 && copy) {
    parts.push(`${t.workingCopyOpened} ${formatDayTime(new Date(copy.updatedAt), zone)}${copy.byName ? ` (${copy.byName})` : ''}. ${t.workingCopyHint}`);
  }
  return parts.length ? parts.join(' ') : undefined;
}

export function editorialRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { db, csrf } = deps;
  const editorial = deps.services.editorial;
  const zone = () => deps.settings.get().timeZone;

  async function choices(actor: SessionUser, lang: 'ru' | 'en', articleLang: 'ru' | 'en', article: EditorialArticle | null, translationQ?: string): Promise<EditorChoices> {
    const selfId = article?.id;
    const linkedId = article?.input.translationOf ?? null;
    const otherLang = articleLang === 'ru' ? 'en' : 'ru';
    const bodyImages = article?.input.body ? bodyImageIds(article.input.body) : [];
    const [authors, rubrics, images, linked, found, sources] = await Promise.all([
      db.selectFrom('authors').select(['id', 'name', 'translations']).orderBy('name').execute(),
      db.selectFrom('rubrics').select(['id', 'name', 'translations', 'is_flag']).orderBy('is_flag', 'desc').orderBy('position').execute(),
      db.selectFrom('images').select(['id', 'caption', 'file']).orderBy('id', 'desc').limit(100).execute(),
      linkedId === null ? Promise.resolve(undefined) : db.selectFrom('articles').select(['id', 'headline', 'lang']).where('id', '=', linkedId).executeTakeFirst(),
      translationQ === undefined ? Promise.resolve(undefined) : editorial.translationCandidates(actor, { lang: otherLang, q: translationQ, exclude: selfId }),
      bodyImages.length ? db.selectFrom('images').select(['id', 'file']).where('id', 'in', bodyImages).execute() : Promise.resolve([]),
    ]);
    return {
      authors: authors.map((a) => ({ id: a.id, name: localized(a.name, a.translations, lang, 'name') })),
      rubrics: rubrics.map((r) => ({ id: r.id, name: localized(r.name, r.translations, lang, 'name'), isFlag: r.is_flag === 1 })),
      images: images.map((i) => ({ id: i.id, label: `#${i.id} ${i.caption || i.file}` })),
      translation: { linked: linked ?? null, lang: otherLang, search: found && translationQ !== undefined ? { q: translationQ, found: found.items } : undefined },
      imageSources: Object.fromEntries(sources.map((i) => [i.id, imageUrl(i.file)])),
    };
  }

  async function editorPage(request: FastifyRequest, reply: FastifyReply, article: EditorialArticle | null, status = 200, error?: DomainError, notice?: string, submitted?: Partial<ArticleInput>) {
    const ctx = adminContext(deps, request, reply);
    const t = EDITORIAL_TEXT[ctx.lang];
    const actor = request.user!;
    const title = article ? article.input.headline : t.newArticle;
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={title} scripts={['/assets/editor.js']}>
        <h1>{title}</h1>
        {notice ? <Notice kind="ok">{notice}</Notice> : null}
        <div class="editor-layout">
          <EditorForm ctx={ctx} t={t} article={article} submitted={submitted} choices={await choices(actor, ctx.lang, article?.lang ?? ctx.lang, article, translationQuery(request))} actor={actor} {...errorShown(ctx.lang, error)} />
          <TranslationSearchForm article={article} />
          {article ? <Workflow ctx={ctx} t={t} article={article} actor={actor} zone={zone()} /> : null}
        </div>
      </AdminLayout>,
      status,
    );
  }

  /** The notice and the field problems the editor shows for a refused save, in the back office's language. */
  const errorShown = (lang: 'ru' | 'en', error?: DomainError) => {
    if (!error) return {};
    const { summary, problems } = describeError(lang, EDITORIAL_ERRORS, error);
    return { error: summary, details: problems };
  };
  /** The editor's script shows the error of its JSON endpoints, so they answer in the editor's words (app.ts). */
  const api = { config: { errorTexts: EDITORIAL_ERRORS } };

  const statusOf = (e: DomainError) => ERROR_CATALOGUE[e.code].status;
  const parseId = (request: FastifyRequest) => idParams.safeParse(request.params);

  /** Runs a command; a domain error becomes a page that says what is wrong, with the right status. */
  async function attempt(request: FastifyRequest, reply: FastifyReply, id: number | null, run: () => Promise<FastifyReply>, submitted?: () => Partial<ArticleInput>): Promise<FastifyReply> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'FORBIDDEN') return sendForbidden(deps, request, reply);
      if (error.code === 'ARTICLE_NOT_FOUND' && id !== null) return sendAdminNotFound(deps, request, reply);
      const article = id === null ? null : await editorial.get(request.user!, id);
      let sent: Partial<ArticleInput> | undefined;
      try {
        sent = submitted?.();
      } catch {
        sent = undefined;
      }
      return editorPage(request, reply, article, statusOf(error), error, undefined, sent);
    }
  }

  app.get('/admin/articles/', async (request, reply) => {
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    const ctx = adminContext(deps, request, reply);
    const t = EDITORIAL_TEXT[ctx.lang];
    const query = listQuery.parse(request.query);
    const { items, total } = await editorial.list(user, query);
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const href = (over: Record<string, string | number | undefined>) => {
      const p = new URLSearchParams();
      const merged = { status: query.status, q: query.q, page: query.page, ...over };
      for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
      const s = p.toString();
      return s ? `/admin/articles/?${s}` : '/admin/articles/';
    };
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.articles}>
        <h1>{t.articles}</h1>
        <p>
          <a class="button primary" href="/admin/articles/new">
            {t.newArticle}
          </a>
        </p>
        <nav class="tabs" aria-label={t.articles}>
          <a href={href({ status: undefined, page: 1 })} aria-current={query.status ? undefined : 'page'}>
            {t.all}
          </a>
          {STATUSES.map((s) => (
            <a href={href({ status: s, page: 1 })} aria-current={query.status === s ? 'page' : undefined}>
              {t.status[s]}
            </a>
          ))}
        </nav>
        <form method="get" action="/admin/articles/" class="search-form" role="search">
          {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
          <label>
            {t.search}
            <input type="search" name="q" value={query.q ?? ''} />
          </label>
          <button type="submit">{t.find}</button>
        </form>
        {items.length === 0 ? (
          <p>{t.noArticles}</p>
        ) : (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t.headline}</th>
                <th scope="col">{t.language}</th>
                <th scope="col">{t.statusColumn}</th>
                <th scope="col">{t.updated}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr>
                  <td>
                    <a href={`/admin/articles/${a.id}`}>{a.headline}</a>
                  </td>
                  <td>{a.lang}</td>
                  <td>
                    <span class={`status status-${a.status}`}>{t.status[a.status]}</span>
                    {a.status === 'scheduled' && a.publishedAt ? ` · ${formatDayTime(new Date(a.publishedAt), zone())}` : ''}
                    {a.pending ? ` · ${t.revisionPending}` : ''}
                  </td>
                  <td>{formatDayTime(new Date(a.updatedAt), zone())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <nav class="pagination">
            {query.page > 1 ? <a href={href({ page: query.page - 1 })}>←</a> : null}
            <span>
              {query.page} / {pages}
            </span>
            {query.page < pages ? <a href={href({ page: query.page + 1 })}>→</a> : null}
          </nav>
        ) : null}
      </AdminLayout>,
    );
  });

  app.get('/admin/articles/new', async (request, reply) => {
    if (!requireStaff(deps, request, reply, 'article.create')) return reply;
    return editorPage(request, reply, null);
  });

  app.post('/admin/articles/', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    return attempt(request, reply, null, async () => {
      const input = inputFromForm(formBody(request));
      const id = await editorial.create(user, { ...input, lang: input.lang ?? deps.settings.get().locale, headline: input.headline ?? '', body: input.body ?? { type: 'doc', content: [] } });
      return reply.redirect(`/admin/articles/${id}?saved=1`, 303);
    }, () => inputFromForm(formBody(request)));
  });

  app.get('/admin/articles/:id', async (request, reply) => {
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    const params = parseId(request);
    if (!params.success) return sendAdminNotFound(deps, request, reply);
    return attempt(request, reply, null, async () => {
      const article = await editorial.get(user, params.data.id);
      return editorPage(request, reply, article, 200, undefined, editorNotice(EDITORIAL_TEXT[deps.settings.get().locale], request.query, article, zone()));
    });
  });

  const stampOf = (fields: Record<string, unknown>) => (typeof fields.updatedAt === 'string' ? fields.updatedAt : undefined);
  const done = (reply: FastifyReply, id: number, what: Done) => reply.redirect(`/admin/articles/${id}?done=${what}`, 303);

  /** Before an article goes 410, the editor confirms: this page without JavaScript, a dialog with it (which sends confirm=1). */
  async function confirmUnpublishPage(request: FastifyRequest, reply: FastifyReply, id: number) {
    const ctx = adminContext(deps, request, reply);
    const t = EDITORIAL_TEXT[ctx.lang];
    const article = await editorial.get(request.user!, id);
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.unpublishTitle}>
        <h1>{t.unpublishTitle}</h1>
        <ConfirmUnpublish ctx={ctx} t={t} article={article} />
      </AdminLayout>,
    );
  }

  /**
   * The editor's one form: every button sends the fields on screen. "Save" saves them (into the working copy of a
   * live article); a workflow button saves them and then acts, and a refused save acts on nothing.
   */
  app.post('/admin/articles/:id', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    const params = parseId(request);
    if (!params.success) return sendAdminNotFound(deps, request, reply);
    const id = params.data.id;
    return attempt(request, reply, id, async () => {
      const fields = formBody(request);
      const action: FormAction = formAction.parse(fields.action);
      if (action === 'discard') {
        await editorial.discardChanges(user, id);
        return done(reply, id, 'discarded');
      }
      const { lang: _lang, ...input } = inputFromForm(fields);
      if (action === 'save' || (action === 'unpublish' && fields.confirm !== '1')) {
        const outcome = await editorial.save(user, id, input, stampOf(fields));
        if (action === 'unpublish') return confirmUnpublishPage(request, reply, id);
        return outcome === 'pending' ? done(reply, id, 'pending') : reply.redirect(`/admin/articles/${id}?saved=1`, 303);
      }
      await editorial.saveAndAct(user, id, action, input, { expectedUpdatedAt: stampOf(fields), publishAt: typeof fields.publishAt === 'string' ? fields.publishAt : undefined });
      return done(reply, id, DONE[action]);
    }, () => inputFromForm(formBody(request)));
  });

  app.post('/admin/articles/:id/autosave', api, async (request, reply) => {
    csrf.verify(request);
    if (!request.user || request.user.mfaPending) throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Sign in again; your text is still in this page.');
    // The same rules as every back-office page, mandatory two-factor authentication included.
    const user = requireApiStaff(deps, request, 'article.create');
    const params = parseId(request);
    if (!params.success) throw new DomainError('ARTICLE_NOT_FOUND', 'This article does not exist.');
    const fields = formBody(request);
    const { lang: _lang, ...input } = inputFromForm(fields);
    const outcome = await editorial.save(user, params.data.id, input, stampOf(fields));
    const article = await editorial.get(user, params.data.id);
    return reply.header('cache-control', 'no-store').send({ updatedAt: article.updatedAt, savedAt: formatDayTime(new Date(), zone()).slice(-5), pending: outcome === 'pending' });
  });

  /** Originals the editor's translation picker offers as one types: `{ items, next }`, `next` being the `before` of the next page. */
  app.get('/admin/api/articles/translation-candidates', api, async (request, reply) => {
    const user = requireApiStaff(deps, request, 'article.create');
    const query = candidatesQuery.safeParse(request.query);
    if (!query.success) throw new DomainError('VALIDATION', 'The search for an original is not valid.', query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    const t = EDITORIAL_TEXT[deps.settings.get().locale];
    const { items, next } = await editorial.translationCandidates(user, query.data);
    return reply.header('cache-control', 'no-store').send({ items: items.map((c) => ({ ...c, statusLabel: t.status[c.status] })), next });
  });

  /** Workflow actions on what is saved, for clients that send no fields; withdrawing still needs confirm=1. */
  app.post('/admin/articles/:id/workflow', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    const params = parseId(request);
    if (!params.success) return sendAdminNotFound(deps, request, reply);
    const id = params.data.id;
    const fields = formBody(request);
    return attempt(request, reply, id, async () => {
      const action = workflowAction.safeParse(fields.action);
      if (!action.success) throw new DomainError('VALIDATION', 'Unknown workflow action.', ['action: unknown']);
      if (action.data === 'discard') await editorial.discardChanges(user, id);
      else if (action.data === 'unpublish' && fields.confirm !== '1') return confirmUnpublishPage(request, reply, id);
      else await editorial.act(user, id, action.data, typeof fields.publishAt === 'string' ? fields.publishAt : '');
      return done(reply, id, DONE[action.data]);
    });
  });

  /** The article exactly as readers will see it: GET shows what is saved (the working copy included), POST the fields sent. */
  async function preview(request: FastifyRequest, reply: FastifyReply, fields: Partial<ArticleInput>) {
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    const params = parseId(request);
    if (!params.success) return sendAdminNotFound(deps, request, reply);
    const id = params.data.id;
    return attempt(request, reply, id, async () => {
      const model = await editorial.preview(user, id, fields, (db) => articlePageModel(db, id));
      return sendArticlePage(deps.site, request, reply, model);
    }, () => fields);
  }

  app.get('/admin/articles/:id/preview', (request, reply) => preview(request, reply, {}));

  app.post('/admin/articles/:id/preview', async (request, reply) => {
    csrf.verify(request);
    const { lang: _lang, ...input } = inputFromForm(formBody(request));
    return preview(request, reply, input);
  });

  app.get('/admin/articles/:id/revisions', async (request, reply) => {
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    const params = parseId(request);
    if (!params.success) return sendAdminNotFound(deps, request, reply);
    const id = params.data.id;
    return attempt(request, reply, null, async () => {
      const article = await editorial.get(user, id);
      const revisions = await editorial.revisions(user, id);
      const ctx = adminContext(deps, request, reply);
      const t = EDITORIAL_TEXT[ctx.lang];
      const q = request.query as { a?: string; b?: string };
      // With unpublished changes, the comparison starts as "on the site" against "pending".
      const live = revisions.find((r) => r.mark === 'live');
      const pending = revisions.find((r) => r.mark === 'pending');
      const a = Number(q.a ?? (pending && live ? live.id : (revisions[1]?.id ?? revisions[0]?.id)));
      const b = Number(q.b ?? pending?.id ?? revisions[0]?.id);
      const diff = Number.isInteger(a) && Number.isInteger(b) && revisions.length ? await editorial.diff(user, id, a, b) : [];
      const mayRestore = can(user, 'article.edit', { createdBy: article.createdBy, status: article.status });
      const markText = { live: article.status === 'scheduled' ? t.revisionScheduled : t.revisionLive, pending: t.revisionPending };
      const label = (r: (typeof revisions)[number]) =>
        `#${r.id} · ${formatDayTime(new Date(r.created_at), zone())} · ${r.user_name ?? t.system}${r.mark ? ` · ${markText[r.mark]}` : ''}`;
      return sendAdmin(
        reply,
        <AdminLayout ctx={ctx} title={`${t.revisionsOf} ${article.input.headline}`}>
          <h1>
            {t.revisionsOf} «{article.input.headline}»
          </h1>
          <p>
            <a href={`/admin/articles/${id}`}>{t.back}</a>
          </p>
          <form method="get" action={`/admin/articles/${id}/revisions`} class="compare-form">
            {([['a', t.from, a], ['b', t.to, b]] as const).map(([name, caption, chosen]) => (
              <label>
                {caption}
                <select name={name}>
                  {revisions.map((r) => (
                    <option value={r.id} selected={r.id === chosen}>
                      {label(r)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit">{t.compare}</button>
          </form>
          {diff.length === 0 ? (
            <p>{t.noChanges}</p>
          ) : (
            <dl class="diff">
              {diff.map((d) => (
                <>
                  <dt>{t.fieldNames[d.field as keyof EditorialText['fieldNames']] ?? d.field}</dt>
                  <dd>
                    {d.parts.map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? <ins>{p.text}</ins> : <del>{p.text}</del>))}
                  </dd>
                </>
              ))}
            </dl>
          )}
          <ol class="revisions" reversed>
            {revisions.map((r) => (
              <li class={r.mark ? `revision-${r.mark}` : undefined}>
                {label(r)}
                {mayRestore ? (
                  <form method="post" action={`/admin/articles/${id}/revisions/${r.id}/restore`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit">{t.restore}</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ol>
        </AdminLayout>,
      );
    });
  });

  app.post('/admin/articles/:id/revisions/:rev/restore', async (request, reply) => {
    csrf.verify(request);
    const user = requireStaff(deps, request, reply, 'article.create');
    if (!user) return reply;
    const params = z.object({ id: z.coerce.number().int().positive(), rev: z.coerce.number().int().positive() }).safeParse(request.params);
    if (!params.success) return sendAdminNotFound(deps, request, reply);
    return attempt(request, reply, params.data.id, async () => {
      const gone = await editorial.restore(user, params.data.id, params.data.rev);
      const images = new Set(gone.cover === null ? gone.bodyImages : [...gone.bodyImages, gone.cover]);
      const counts = { images: images.size, rubrics: gone.rubrics.length, authors: gone.authors.length };
      const query = new URLSearchParams({ restored: '1', ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)])) });
      if (gone.outcome === 'pending') query.set('done', 'pending');
      return reply.redirect(`/admin/articles/${params.data.id}?${query}`, 303);
    });
  });
}
