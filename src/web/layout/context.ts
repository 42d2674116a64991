/** What every public page needs to render its chrome: language, settings, navigation, calendar. */
import type { Lang, Translator } from '../../lib/i18n.js';
import type { SiteSettings } from '../../lib/site-settings.js';
import type { RubricRef } from '../../features/articles/store.js';
import type { CalendarModel } from '../../features/archive/rules.js';
import type { Dependencies } from '../../lib/dependencies.js';

export interface PageContext {
  lang: Lang;
  tr: Translator;
  settings: SiteSettings;
  /** '' for the site's own language, '/en' (etc.) for another. */
  prefix: string;
  /** Absolute origin used in canonical links and OpenGraph, e.g. http://localhost:3000 */
  origin: string;
  path: string;
  nav: RubricRef[];
  calendar: CalendarModel;
  /** The same page in the other interface language, when there is one. */
  alternate: { lang: Lang; href: string } | null;
  /** What the page shows, for the page cache: the chrome's sources, then the route's. */
  dependsOn: Dependencies;
}
