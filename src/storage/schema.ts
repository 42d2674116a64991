/**
 * The Kysely Database interface: the single source of table types.
 * Timestamps are ISO-8601 UTC strings on both engines (PostgreSQL timestamptz is parsed to that form).
 * Booleans are stored as 0/1 integers so the same code reads both engines.
 */
import type { Generated } from 'kysely';

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';

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
}
