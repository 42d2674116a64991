import { h, Fragment, type Child, type Html } from '../../lib/html.js';
import type { SessionUser } from '../../features/accounts/service.js';
import { can, type Action } from '../../features/accounts/policy.js';
import { ADMIN_TEXT } from './text.js';
import { Favicon } from '../layout/Favicon.js';

export interface AdminContext {
  lang: 'ru' | 'en';
  siteName: string;
  user: SessionUser | null;
  csrf: string;
  path: string;
}

const NAV: Array<{ href: string; key: keyof typeof ADMIN_TEXT.en; action: Action }> = [
  { href: '/admin/', key: 'dashboard', action: 'dashboard.view' },
  { href: '/admin/articles/', key: 'articles', action: 'article.create' },
  { href: '/admin/media/', key: 'media', action: 'media.upload' },
  { href: '/admin/taxonomy/', key: 'taxonomy', action: 'taxonomy.manage' },
  { href: '/admin/authors/', key: 'authors', action: 'authors.manage' },
  { href: '/admin/staff/', key: 'staff', action: 'staff.manage' },
  { href: '/admin/settings/', key: 'settings', action: 'settings.manage' },
];

/** A hidden CSRF field for a form. */
export function CsrfField({ ctx }: { ctx: AdminContext }): Html {
  return <input type="hidden" name="_csrf" value={ctx.csrf} />;
}

export function AdminLayout({ ctx, title, children, scripts }: { ctx: AdminContext; title: string; children?: Child; scripts?: string[] }): Html {
  const t = ADMIN_TEXT[ctx.lang];
  const user = ctx.user;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} — ${t.newsroom} — ${ctx.siteName}`}</title>
        <Favicon />
        <link rel="stylesheet" href="/assets/admin.css" />
        {(scripts ?? []).map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body class="admin">
        <header class="admin-header">
          <a class="admin-brand" href="/admin/">
            {ctx.siteName} · {t.newsroom}
          </a>
          {user && !user.mfaPending ? (
            <nav aria-label={t.adminNav}>
              <ul>
                {NAV.filter((item) => can(user, item.action)).map((item) => (
                  <li>
                    <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                      {t[item.key]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div class="admin-user">
            <a href="/">{t.viewSite}</a>
            {user ? (
              <>
                <a href="/admin/account/">{user.name}</a>
                <form method="post" action="/admin/sign-out" class="inline-form">
                  <CsrfField ctx={ctx} />
                  <button type="submit">{t.signOut}</button>
                </form>
              </>
            ) : null}
          </div>
        </header>
        <main id="main" class="admin-main">
          {children}
        </main>
      </body>
    </html>
  );
}
