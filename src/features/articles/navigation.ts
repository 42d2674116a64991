/** The masthead's navigation for the page chrome: the sections (rubrics that are not editorial flags) in a language. */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import type { Lang } from '../../lib/i18n.js';
import { EventMemo } from '../../lib/memo.js';
import { Dependencies } from '../../lib/dependencies.js';
import type { NavItem } from '../../web/layout/context.js';
import { listRubrics } from './store.js';

const NAV = new Dependencies().tag('nav');

/** Kept until an event changes the rubrics; the same array is served meanwhile, so the masthead renders once. */
export function rubricNavigation(db: Kysely<Database>, events: EventBus): (lang: Lang) => Promise<{ items: NavItem[]; deps: Dependencies }> {
  const memo = new EventMemo<NavItem[]>(events, () => NAV, 10);
  return async (lang) => ({
    items: await memo.get(lang, () => listRubrics(db, lang).then((all) => all.filter((r) => !r.isFlag))),
    deps: NAV,
  });
}
