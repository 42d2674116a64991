/** Turns the editor's form fields into article input. Pure, so the parsing is tested without a server. */
import { articleBodySchema, type ArticleInput } from '../articles/rules.js';
import type { BodyDoc } from '../articles/body.js';
import { DomainError } from '../../lib/errors.js';
import { field, fields, type FormFields } from '../../web/admin/fields.js';


const one = (f: FormFields, name: string): string => field(f, name).trim();
/** A repeated field, named `name[]` by our forms (html-validate wants the brackets) or `name` by other clients. */
const many = (f: FormFields, name: string): string[] => [...fields(f, `${name}[]`), ...fields(f, name)];
const optionalId = (v: string): number | null => (/^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null);

/** Plain text with blank lines between paragraphs, for editing without JavaScript. */
export function plainTextBody(text: string): BodyDoc {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p.replace(/\n/g, ' ') }] })) };
}

const unreadableBody = (reason: string) => new DomainError('VALIDATION', reason, [`body: ${reason}`]);

/**
 * The editor's body (Tiptap JSON), read by the article's own body schema: a refused save shows the editor the body
 * as it would be stored, and the command applies the same schema whoever calls it.
 */
export function bodyFromForm(f: FormFields): BodyDoc | undefined {
  const json = one(f, 'body');
  if (json) {
    let sent: unknown;
    try {
      sent = JSON.parse(json);
    } catch {
      throw unreadableBody('The body could not be read.');
    }
    const body = articleBodySchema.safeParse(sent);
    if (!body.success) throw unreadableBody(body.error.issues[0]!.message);
    return body.data;
  }
  return typeof f.body_text === 'string' ? plainTextBody(one(f, 'body_text')) : undefined;
}

export function inputFromForm(f: FormFields): Partial<ArticleInput> {
  const authorIds = many(f, 'authorId');
  const roles = many(f, 'authorRole');
  const authors = authorIds.flatMap((id, i) => {
    const authorId = optionalId(id.trim());
    return authorId ? [{ authorId, role: (roles[i] ?? '').trim() || undefined }] : [];
  });
  const lang = one(f, 'lang');
  const slug = one(f, 'slug');
  return {
    ...(lang === 'ru' || lang === 'en' ? { lang } : {}),
    headline: one(f, 'headline'),
    lead: one(f, 'lead'),
    slug: slug || undefined,
    body: bodyFromForm(f),
    authors,
    rubricIds: many(f, 'rubricId').map((v) => optionalId(v.trim())).filter((v): v is number => v !== null),
    tags: one(f, 'tags')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    city: one(f, 'city') || null,
    coverImageId: optionalId(one(f, 'coverImageId')),
    translationOf: optionalId(one(f, 'translationOf')),
    seoTitle: one(f, 'seoTitle') || null,
    seoDescription: one(f, 'seoDescription') || null,
  };
}
