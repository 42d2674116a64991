/** Author profiles in the back office: the list (/admin/authors/), a new profile, and editing one. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { h } from '../../lib/html.js';
import { DomainError } from '../../lib/errors.js';
import { localized, translationOf } from '../../lib/localized.js';
import { ERROR_CATALOGUE } from '../../web/errors.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { adminContext, field, formBody, requireStaff, sendAdmin, sendAdminNotFound, type AdminDeps } from '../../web/admin/kit.js';
import { Notice } from '../../web/admin/Notice.js';
import { errorText } from '../../web/admin/error-text.js';
import type { SessionUser } from '../accounts/service.js';
import { AUTHOR_LIMITS, type AuthorInput } from './rules.js';
import type { AuthorRow, ImageChoice } from './store.js';
import { AUTHOR_ERRORS, AUTHOR_TEXT, type AuthorText } from './text.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** What the form shows: the stored profile, or what was just sent when it did not validate. */
interface FormValues {
  name: string;
  nameEn: string;
  slug: string;
  roleTitle: string;
  roleTitleEn: string;
  bio: string;
  bioEn: string;
  photo: string;
}

const EMPTY: FormValues = { name: '', nameEn: '', slug: '', roleTitle: '', roleTitleEn: '', bio: '', bioEn: '', photo: '' };

function valuesOf(a: AuthorRow): FormValues {
  return {
    name: a.name,
    nameEn: translationOf(a.translations, 'en', 'name'),
    slug: a.slug,
    roleTitle: a.roleTitle,
    roleTitleEn: translationOf(a.translations, 'en', 'role_title'),
    bio: a.bio,
    bioEn: translationOf(a.translations, 'en', 'bio'),
    photo: a.photoImageId === null ? '' : String(a.photoImageId),
  };
}

/** Textareas send CRLF line ends; we store LF. */
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

function valuesFromForm(request: FastifyRequest): FormValues {
  const body = formBody(request);
  return {
    name: field(body, 'name'),
    nameEn: field(body, 'name_en'),
    slug: field(body, 'slug'),
    roleTitle: field(body, 'role_title'),
    roleTitleEn: field(body, 'role_title_en'),
    bio: lines(field(body, 'bio')),
    bioEn: lines(field(body, 'bio_en')),
    photo: field(body, 'photo'),
  };
}

function inputOf(v: FormValues): AuthorInput {
  const photo = v.photo.trim();
  return {
    name: v.name,
    slug: v.slug.trim() || undefined,
    roleTitle: v.roleTitle,
    bio: v.bio,
    photoImageId: photo === '' ? null : /^\d+$/.test(photo) ? Number(photo) : -1,
    en: { name: v.nameEn, roleTitle: v.roleTitleEn, bio: v.bioEn },
  };
}

function imageLabel(img: ImageChoice): string {
  const text = img.alt || img.caption || img.file.split('/').pop() || img.file;
  return `${text} (${img.width}×${img.height}, ${img.createdAt.slice(0, 10)})`;
}

/** Name, role and biography in one language; the Russian ones are the profile's own (the name is required). */
function ProfileTexts({ t, legend, lang, suffix, texts }: { t: AuthorText; legend: string; lang?: 'en'; suffix: '' | '_en'; texts: { name: string; roleTitle: string; bio: string } }) {
  return (
    <fieldset lang={lang}>
      <legend>{legend}</legend>
      <label>
        {t.nameField}
        <input type="text" name={`name${suffix}`} value={texts.name} required={suffix === ''} maxlength={String(AUTHOR_LIMITS.name)} />
      </label>
      <label>
        {t.roleField}
        <input type="text" name={`role_title${suffix}`} value={texts.roleTitle} maxlength={String(AUTHOR_LIMITS.roleTitle)} />
      </label>
      <label>
        {t.bioField}
        <textarea name={`bio${suffix}`} rows="5" maxlength={String(AUTHOR_LIMITS.bio)}>
          {texts.bio}
        </textarea>
      </label>
    </fieldset>
  );
}

function ProfileForm({ ctx, t, action, values, images, submit }: { ctx: AdminContext; t: AuthorText; action: string; values: FormValues; images: ImageChoice[]; submit: string }) {
  const current = images.find((img) => String(img.id) === values.photo);
  return (
    <form method="post" action={action} class="stack author-form">
      <CsrfField ctx={ctx} />
      <ProfileTexts t={t} legend={t.inRussian} suffix="" texts={{ name: values.name, roleTitle: values.roleTitle, bio: values.bio }} />
      <ProfileTexts t={t} legend={t.inEnglish} lang="en" suffix="_en" texts={{ name: values.nameEn, roleTitle: values.roleTitleEn, bio: values.bioEn }} />
      <label>
        {t.slugField}
        <input type="text" name="slug" value={values.slug} maxlength="80" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
      </label>
      <p class="help">{t.slugHelp}</p>
      {current ? (
        <figure class="author-photo-current">
          <img src={`/media/${current.file}`} alt={current.alt || values.name} width="120" height={String(Math.round((120 * current.height) / Math.max(1, current.width)))} />
          <figcaption>{t.currentPhoto}</figcaption>
        </figure>
      ) : null}
      <label>
        {t.photoField}
        <select name="photo">
          <option value="" selected={values.photo === ''}>
            {t.noPhoto}
          </option>
          {images.map((img) => (
            <option value={String(img.id)} selected={String(img.id) === values.photo}>
              {imageLabel(img)}
            </option>
          ))}
        </select>
      </label>
      <p class="help">{t.photoHelp}</p>
      <button type="submit">{submit}</button>
    </form>
  );
}

export function authorRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { csrf } = deps;
  const authors = deps.services.authors;
  const guard = (request: FastifyRequest, reply: FastifyReply) => requireStaff(deps, request, reply, 'authors.manage');

  /** The profile named by the :id of the address, or null when there is none. */
  async function profileOf(request: FastifyRequest, user: SessionUser): Promise<AuthorRow | null> {
    const parsed = idParams.safeParse(request.params);
    if (!parsed.success) return null;
    try {
      return await authors.get(user, parsed.data.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  app.get('/admin/authors/', async (request, reply) => {
    const user = guard(request, reply);
    if (!user) return reply;
    const ctx = adminContext(deps, request, reply);
    const t = AUTHOR_TEXT[ctx.lang];
    const list = await authors.list(user);
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.title}>
        <h1>{t.title}</h1>
        <p class="help">{t.help}</p>
        <p>
          <a href="/admin/authors/new" class="button">
            {t.newProfile}
          </a>
        </p>
        {list.length === 0 ? (
          <p>{t.noAuthors}</p>
        ) : (
          <table class="data authors-table">
            <thead>
              <tr>
                <th scope="col">{t.photo}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.address}</th>
                <th scope="col">{t.articles}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => {
                const name = localized(a.name, a.translations, ctx.lang, 'name');
                return (
                  <tr>
                    <td>{a.photoFile ? <img src={`/media/${a.photoFile}`} alt="" width="48" height="48" class="author-thumb" /> : '—'}</td>
                    <td>
                      <a href={`/admin/authors/${a.id}`}>{name}</a>
                    </td>
                    <td>{localized(a.roleTitle, a.translations, ctx.lang, 'role_title')}</td>
                    <td>
                      <a href={`/author/${a.slug}/`}>{a.slug}</a>
                    </td>
                    <td>{a.articleCount}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </AdminLayout>,
    );
  });

  async function newPage(request: FastifyRequest, reply: FastifyReply, user: SessionUser, values: FormValues, status = 200, error?: DomainError) {
    const ctx = adminContext(deps, request, reply);
    const t = AUTHOR_TEXT[ctx.lang];
    const photo = /^\d+$/.test(values.photo) ? Number(values.photo) : null;
    const images = await authors.photoChoices(user, photo);
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.newProfile}>
        <p>
          <a href="/admin/authors/">← {t.back}</a>
        </p>
        <h1>{t.newProfile}</h1>
        {error ? <Notice kind="error">{errorText(ctx.lang, AUTHOR_ERRORS, error)}</Notice> : null}
        <ProfileForm ctx={ctx} t={t} action="/admin/authors/new" values={values} images={images} submit={t.create} />
      </AdminLayout>,
      status,
    );
  }

  app.get('/admin/authors/new', async (request, reply) => {
    const user = guard(request, reply);
    if (!user) return reply;
    return newPage(request, reply, user, EMPTY);
  });

  app.post('/admin/authors/new', async (request, reply) => {
    csrf.verify(request);
    const user = guard(request, reply);
    if (!user) return reply;
    const values = valuesFromForm(request);
    try {
      const id = await authors.create(user, inputOf(values));
      return reply.redirect(`/admin/authors/${id}?created=1`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return newPage(request, reply, user, values, ERROR_CATALOGUE[error.code].status, error);
    }
  });

  async function editPage(request: FastifyRequest, reply: FastifyReply, user: SessionUser, author: AuthorRow, values: FormValues, status = 200, error?: DomainError) {
    const ctx = adminContext(deps, request, reply);
    const t = AUTHOR_TEXT[ctx.lang];
    const photo = /^\d+$/.test(values.photo) ? Number(values.photo) : null;
    const images = await authors.photoChoices(user, photo);
    const query = request.query as { saved?: string; created?: string };
    const ok = error ? undefined : query.created ? t.created : query.saved ? t.saved : undefined;
    const name = localized(author.name, author.translations, ctx.lang, 'name');
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.editTitle(name)}>
        <p>
          <a href="/admin/authors/">← {t.back}</a>
        </p>
        <h1>{t.editTitle(name)}</h1>
        {error ? <Notice kind="error">{errorText(ctx.lang, AUTHOR_ERRORS, error)}</Notice> : null}
        {ok ? <Notice kind="ok">{ok}</Notice> : null}
        <p>
          <a href={`/author/${author.slug}/`}>{t.openOnSite}</a>
        </p>
        <ProfileForm ctx={ctx} t={t} action={`/admin/authors/${author.id}`} values={values} images={images} submit={t.save} />
      </AdminLayout>,
      status,
    );
  }

  app.get('/admin/authors/:id', async (request, reply) => {
    const user = guard(request, reply);
    if (!user) return reply;
    const author = await profileOf(request, user);
    if (!author) return sendAdminNotFound(deps, request, reply);
    return editPage(request, reply, user, author, valuesOf(author));
  });

  app.post('/admin/authors/:id', async (request, reply) => {
    csrf.verify(request);
    const user = guard(request, reply);
    if (!user) return reply;
    const author = await profileOf(request, user);
    if (!author) return sendAdminNotFound(deps, request, reply);
    const values = valuesFromForm(request);
    try {
      await authors.update(user, author.id, inputOf(values));
      return reply.redirect(`/admin/authors/${author.id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return editPage(request, reply, user, author, values, ERROR_CATALOGUE[error.code].status, error);
    }
  });
}
