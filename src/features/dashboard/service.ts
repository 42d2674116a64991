/**
 * The dashboard's panels: which ones a member sees (by the same policy the services apply) and what each holds, in
 * display order. Later queues (comments to moderate, error reports) are new entries in PANELS and in the view.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { can, type Actor } from '../accounts/policy.js';
import { windowDayKeys } from './rules.js';
import { inReview, mostRead, recentDrafts, scheduledQueue, type MostReadItem, type QueueItem } from './store.js';

const LIMIT = 10;

export type Panel =
  | { id: 'review'; items: QueueItem[] }
  /** `own`: only the member's own drafts (an author's). */
  | { id: 'drafts'; own: boolean; items: QueueItem[] }
  | { id: 'scheduled'; items: QueueItem[] }
  | { id: 'most-read-24h' | 'most-read-7d'; items: MostReadItem[] };

interface PanelSource {
  show: (member: Actor) => boolean;
  load: (db: Kysely<Database>, member: Actor, now: Date, timeZone: string) => Promise<Panel>;
}

/** Editors and the owner see every article; an author sees only their own. */
const ownOnly = (member: Actor) => (can(member, 'article.publish') ? {} : { createdBy: member.id });

function mostReadPanel(id: 'most-read-24h' | 'most-read-7d', hours: number): PanelSource {
  return {
    show: () => true,
    load: async (db, _member, now, timeZone) => ({ id, items: await mostRead(db, windowDayKeys(now, timeZone, hours), LIMIT) }),
  };
}

const PANELS: PanelSource[] = [
  {
    show: (member) => can(member, 'article.publish'),
    load: async (db) => ({ id: 'review', items: await inReview(db, { limit: LIMIT }) }),
  },
  {
    show: (member) => can(member, 'article.create'),
    load: async (db, member) => {
      const filter = ownOnly(member);
      return { id: 'drafts', own: filter.createdBy !== undefined, items: await recentDrafts(db, { ...filter, limit: LIMIT }) };
    },
  },
  {
    show: (member) => can(member, 'article.read'),
    load: async (db, member) => ({ id: 'scheduled', items: await scheduledQueue(db, { ...ownOnly(member), limit: LIMIT }) }),
  },
  mostReadPanel('most-read-24h', 24),
  mostReadPanel('most-read-7d', 7 * 24),
];

export class DashboardQueries {
  constructor(private readonly db: Kysely<Database>) {}

  /** The panels the member sees, filled; the most-read windows end `now`, in whole days of the site's zone. */
  panels(member: Actor, now: Date, timeZone: string): Promise<Panel[]> {
    return Promise.all(PANELS.filter((p) => p.show(member)).map((p) => p.load(this.db, member, now, timeZone)));
  }
}
