/** The shape of the demo newsroom's content. Everything under src/demo/content is our own writing. */
export type Lang = 'ru' | 'en';

export type RubricKey = 'economy' | 'transport' | 'cities' | 'culture' | 'environment';
export type AuthorKey = 'morozova' | 'aliyev' | 'kim' | 'sokolov' | 'nurlanova';
export type ImageKey =
  | 'caspian-map'
  | 'ferry'
  | 'port-cranes'
  | 'railway'
  | 'caravanserai'
  | 'wind-farm'
  | 'old-city'
  | 'market'
  | 'container-yard'
  | 'bridge'
  | 'museum'
  | 'delta';

export type Block =
  | { type: 'p'; text: string }
  | { type: 'h2'; text: string }
  | { type: 'quote'; text: string; cite?: string }
  | { type: 'image'; image: ImageKey; caption: string; credit: string; alt: string };

export interface DemoArticle {
  /** Unique within the demo, e.g. 'aktau-port-ru'. */
  key: string;
  lang: Lang;
  /** The key of the article this one translates (same story, other language). */
  translationOf?: string;
  /** Lowercase latin letters, digits and hyphens; unique per language. */
  slug: string;
  headline: string;
  lead: string;
  author: AuthorKey;
  /** The author's role for this article, in the article's language ("International columnist"). */
  role: string;
  /** Dateline city, in the article's language. */
  city: string;
  /** Days before the demo is loaded (0 = today, up to 100). */
  daysAgo: number;
  /** Local publication time in the site's zone (Moscow), 'HH:mm'. */
  time: string;
  rubrics: RubricKey[];
  storyOfTheDay?: boolean;
  /** Tag names in the article's language; may be empty. */
  tags: string[];
  body: Block[];
}
