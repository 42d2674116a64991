/** What every public page needs to render its chrome: language, settings, navigation, the archive sidebar. */
import type { Html } from '../../lib/html.js';
import type { Lang, Translator } from '../../lib/i18n.js';
import type { SiteSettings } from '../../lib/site-settings.js';
import type { Dependencies } from '../../lib/dependencies.js';

/** A section in the masthead's navigation. */
export interface NavItem {
  slug: string;
  name: string;
}

/** A month of the archive calendar. */
export interface MonthRef {
  year: number;
  month: number;
}

export interface PageContext {
  lang: Lang;
  tr: Translator;
  settings: SiteSettings;
  /** '' for the site's own language, '/en' (etc.) for another. */
  prefix: string;
  /** Absolute origin used in canonical links and OpenGraph, e.g. http://localhost:3000 */
  origin: string;
  path: string;
  /** The navigation, replaced (never mutated) when it changes, so the masthead is rendered once per snapshot. */
  nav: NavItem[];
  /** The archive calendar beside the page. */
  sidebar: Html;
  /** The same page in the other interface language, when there is one. */
  alternate: { lang: Lang; href: string } | null;
  /** What the page shows, for the page cache: the chrome's sources, then the route's. */
  dependsOn: Dependencies;
}

/**
 * What the chrome shows, from the slices that own it; the composition root passes them in, so the layout
 * imports no slice.
 */
export interface ChromeProviders {
  /** The masthead's sections in a language, and what they depend on. */
  navigation(lang: Lang): Promise<{ items: NavItem[]; deps: Dependencies }>;
  /** The archive calendar of a month (this month when none is given), rendered for a page, and what it depends on. */
  calendar(lang: Lang, month: MonthRef | undefined): Promise<{ render: (ctx: Omit<PageContext, 'sidebar'>) => Html; deps: Dependencies }>;
  /** When today ends in the site's zone (epoch ms): cached pages that mark "today" expire then. */
  todayEndsAt(): number;
}
