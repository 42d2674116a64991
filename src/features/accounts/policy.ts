/**
 * Who may do what: one table, enforced by the services (templates only hide what the service refuses).
 * An author works on their own drafts and submits them for review; editors run the articles, rubrics
 * and tags; moderators handle comments; the owner manages staff and settings, and may do everything.
 */
import type { ArticleStatus, Role } from '../../storage/schema.js';

export const STAFF_ROLES = ['owner', 'editor', 'author', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ACTIONS = [
  'dashboard.view',
  'article.create',
  'article.read',
  'article.edit',
  'article.submit',
  'article.publish',
  'article.unpublish',
  'article.storyOfTheDay',
  'taxonomy.manage',
  'authors.manage',
  'media.upload',
  'media.delete',
  'comments.moderate',
  'staff.manage',
  'settings.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERYONE_ON_STAFF: Role[] = ['owner', 'editor', 'author', 'moderator'];
const WRITERS: Role[] = ['owner', 'editor', 'author'];
const EDITORS: Role[] = ['owner', 'editor'];

export const POLICY: Record<Action, readonly Role[]> = {
  'dashboard.view': EVERYONE_ON_STAFF,
  'article.create': WRITERS,
  'article.read': WRITERS,
  'article.edit': WRITERS,
  'article.submit': WRITERS,
  'article.publish': EDITORS,
  'article.unpublish': EDITORS,
  'article.storyOfTheDay': EDITORS,
  'taxonomy.manage': EDITORS,
  'authors.manage': EDITORS,
  'media.upload': WRITERS,
  'media.delete': EDITORS,
  'comments.moderate': ['owner', 'editor', 'moderator'],
  'staff.manage': ['owner'],
  'settings.manage': ['owner'],
};

/** Actions an author may take only on an article of their own, and only while it is still a draft. */
const OWN_DRAFT_ONLY: ReadonlySet<Action> = new Set(['article.read', 'article.edit', 'article.submit']);
const AUTHOR_EDITABLE: ReadonlySet<ArticleStatus> = new Set(['draft']);

export interface Actor {
  id: number;
  role: Role;
}

export interface ArticleResource {
  createdBy: number | null;
  status: ArticleStatus;
}

export function can(actor: Actor | null, action: Action, article?: ArticleResource): boolean {
  if (!actor || !POLICY[action].includes(actor.role)) return false;
  if (actor.role === 'author' && OWN_DRAFT_ONLY.has(action) && article) {
    if (article.createdBy !== actor.id) return false;
    if (action === 'article.read') return true;
    return AUTHOR_EDITABLE.has(article.status);
  }
  return true;
}

/**
 * Whether the actor may find an article in the back office, e.g. to link a translation to it: a published
 * article is public anyway; anything else only as `article.read` allows (an author: their own).
 */
export function canSee(actor: Actor | null, article: ArticleResource): boolean {
  if (!can(actor, 'article.create')) return false;
  return article.status === 'published' || can(actor, 'article.read', article);
}
