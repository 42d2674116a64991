/**
 * The Kysely Database interface: the single source of table types.
 * Timestamps are ISO-8601 UTC strings on both engines (PostgreSQL timestamptz is parsed to that form).
 * Booleans are stored as 0/1 integers so the same code reads both engines.
 */
import type { Generated } from 'kysely';

export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
export type Role = 'owner' | 'editor' | 'author' | 'moderator' | 'reader';

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** JSON: per-language overrides, e.g. {"en":{"name":"Anna Morozova","role_title":"International columnist"}} */
  translations: string;
  bio: string;
  role_title: string;
  photo_image_id: number | null;
}

export interface RubricsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** JSON: per-language names, e.g. {"en":{"name":"Economy"}} */
  translations: string;
  /** 1 for editorial flags such as "Story of the day". */
  is_flag: number;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  lang: string;
  slug: string;
  name: string;
}

export interface ImagesTable {
  id: Generated<number>;
  file: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  created_at: string;
  /** JSON: responsive variants [{"width":640,"file":"…-640.webp","mime":"image/webp"}, …] */
  variants: Generated<string>;
  uploaded_by: number | null;
}

export interface ArticlesTable {
  id: Generated<number>;
  status: ArticleStatus;
  lang: string;
  /** Articles that translate each other share a group id (the id of the first of them). */
  translation_group: number | null;
  slug: string;
  headline: string;
  lead: string;
  /** ProseMirror/Tiptap document JSON. */
  body_json: string;
  /** HTML rendered on the server from body_json. */
  body_html: string;
  cover_image_id: number | null;
  dateline_city: string | null;
  seo_title: string | null;
  seo_description: string | null;
  published_at: string | null;
  /** Set when the article was edited after publication. */
  revised_at: string | null;
  created_at: string;
  updated_at: string;
  view_count: number;
  /** The user who created the article: an author may edit only their own. */
  created_by: number | null;
  submitted_at: string | null;
}

export interface ArticleSlugsTable {
  lang: string;
  slug: string;
  article_id: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  role_title: string | null;
  position: number;
}

export interface ArticleRubricsTable {
  article_id: number;
  rubric_id: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface ArticleDailyViewsTable {
  article_id: number;
  /** Local day in the site's zone, YYYY-MM-DD. */
  day: string;
  views: number;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  /** argon2id; null until an invited person sets a password. */
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  /** The last 30-second TOTP step accepted: a code is good once. */
  totp_last_step: number | null;
  failed_logins: number;
  /** Wrong second-factor codes since the last right one. */
  failed_codes: Generated<number>;
  locked_until: string | null;
  /** The byline profile this account writes as. */
  author_id: number | null;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the token in the cookie; the token itself is never stored. */
  id: string;
  user_id: number;
  /** 0 until the second factor is given, for accounts that have one. */
  mfa_passed: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
}

export interface AuthTokensTable {
  /** sha256 of the token in the e-mailed link. */
  id: string;
  kind: 'reset' | 'invite';
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  run_at: string;
  attempts: number;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  created_at: string;
  /** JSON snapshot of everything an editor can change. */
  snapshot: string;
  /** 1 for a revision saved into a live article's working copy that has not gone live (yet). */
  pending: Generated<number>;
}

/** A live article's unpublished edits: at most one working copy per article. */
export interface ArticleWorkingCopiesTable {
  article_id: number;
  /** JSON: the article input (as the editor's form gives it), slug included. */
  input: string;
  /** The revision readers saw when the working copy began. */
  base_revision_id: number | null;
  /** The revision of the working copy's latest save. */
  revision_id: number | null;
  /** Who saved the working copy last. */
  user_id: number | null;
  updated_at: string;
}

export interface AuthorSlugsTable {
  slug: string;
  author_id: number;
}

export interface RubricSlugsTable {
  slug: string;
  rubric_id: number;
}

export interface TagSlugsTable {
  lang: string;
  slug: string;
  tag_id: number;
}

export interface Database {
  settings: SettingsTable;
  authors: AuthorsTable;
  rubrics: RubricsTable;
  tags: TagsTable;
  images: ImagesTable;
  articles: ArticlesTable;
  article_slugs: ArticleSlugsTable;
  article_authors: ArticleAuthorsTable;
  article_rubrics: ArticleRubricsTable;
  article_tags: ArticleTagsTable;
  article_daily_views: ArticleDailyViewsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  outbox: OutboxTable;
  article_revisions: ArticleRevisionsTable;
  article_working_copies: ArticleWorkingCopiesTable;
  rubric_slugs: RubricSlugsTable;
  author_slugs: AuthorSlugsTable;
  tag_slugs: TagSlugsTable;
}
