/** The author-profile pages of the back office: the list, a new profile, and editing one. */
import { h } from '../../lib/html.js';
import { localized } from '../../lib/localized.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import type { ProfileValues } from './form.js';
import { AUTHOR_LIMITS } from './rules.js';
import type { AuthorListItem, AuthorRow, ImageChoice } from './store.js';
import type { AuthorText } from './text.js';

export function AuthorsPage({ ctx, t, authors }: { ctx: AdminContext; t: AuthorText; authors: AuthorListItem[] }) {
  return (
    <AdminLayout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="help">{t.help}</p>
      <p>
        <a href="/admin/authors/new" class="button">
          {t.newProfile}
        </a>
      </p>
      {authors.length === 0 ? (
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
            {authors.map((a) => {
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
    </AdminLayout>
  );
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

interface ProfileFormProps {
  ctx: AdminContext;
  t: AuthorText;
  values: ProfileValues;
  /** The images to choose the photo from. */
  images: ImageChoice[];
  /** The reason the profile was not saved, already in the back office's language. */
  error?: string;
}

function ProfileForm({ ctx, t, action, values, images, submit }: Omit<ProfileFormProps, 'error'> & { action: string; submit: string }) {
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

export function NewAuthorPage({ ctx, t, values, images, error }: ProfileFormProps) {
  return (
    <AdminLayout ctx={ctx} title={t.newProfile}>
      <p>
        <a href="/admin/authors/">← {t.back}</a>
      </p>
      <h1>{t.newProfile}</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <ProfileForm ctx={ctx} t={t} action="/admin/authors/new" values={values} images={images} submit={t.create} />
    </AdminLayout>
  );
}

export function EditAuthorPage({ ctx, t, author, values, images, error, done }: ProfileFormProps & { author: AuthorRow; done?: string }) {
  const name = localized(author.name, author.translations, ctx.lang, 'name');
  return (
    <AdminLayout ctx={ctx} title={t.editTitle(name)}>
      <p>
        <a href="/admin/authors/">← {t.back}</a>
      </p>
      <h1>{t.editTitle(name)}</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <p>
        <a href={`/author/${author.slug}/`}>{t.openOnSite}</a>
      </p>
      <ProfileForm ctx={ctx} t={t} action={`/admin/authors/${author.id}`} values={values} images={images} submit={t.save} />
    </AdminLayout>
  );
}
