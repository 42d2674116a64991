/** The back office's menu: the sections a signed-in staff member may open, by the same policy the services apply. */
import type { FastifyRequest } from 'fastify';
import type { AdminMenuItem } from '../../web/admin/AdminLayout.js';
import { can, type Action } from './policy.js';
import type { SessionUser } from './service.js';

const SECTIONS: Array<AdminMenuItem & { action: Action }> = [
  { href: '/admin/', section: 'dashboard', action: 'dashboard.view' },
  { href: '/admin/articles/', section: 'articles', action: 'article.create' },
  { href: '/admin/media/', section: 'media', action: 'media.upload' },
  { href: '/admin/taxonomy/', section: 'taxonomy', action: 'taxonomy.manage' },
  { href: '/admin/authors/', section: 'authors', action: 'authors.manage' },
  { href: '/admin/staff/', section: 'staff', action: 'staff.manage' },
  { href: '/admin/settings/', section: 'settings', action: 'settings.manage' },
];

export function adminMenu(user: SessionUser | null): AdminMenuItem[] {
  if (!user || user.mfaPending) return [];
  return SECTIONS.filter((item) => can(user, item.action)).map(({ href, section }) => ({ href, section }));
}

/** What the back office's chrome shows of the member: their name in the header and the menu. */
export function adminChrome(request: FastifyRequest): { user: { name: string } | null; menu: AdminMenuItem[] } {
  return { user: request.user ? { name: request.user.name } : null, menu: adminMenu(request.user) };
}
