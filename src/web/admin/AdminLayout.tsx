import { h, Fragment, type Child, type Html } from '../../lib/html.js';
import { ADMIN_TEXT } from './text.js';
import { Favicon } from '../layout/Favicon.js';

/** The back office's sections, as the menu names them. */
export type AdminSection = 'dashboard' | 'articles' | 'media' | 'taxonomy' | 'authors' | 'staff' | 'settings';

/** A menu entry: the composition root's menu provider lists those the signed-in member may open. */
export interface AdminMenuItem {
  href: string;
  section: AdminSection;
}

export interface AdminContext {
  lang: 'ru' | 'en';
  siteName: string;
  /** The signed-in staff member shown in the header, or null on the sign-in pages. */
  user: { name: string } | null;
  /** The sections this member may open; empty before sign-in is complete. */
  menu: AdminMenuItem[];
  csrf: string;
  path: string;
}

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
          {ctx.menu.length ? (
            <nav aria-label={t.adminNav}>
              <ul>
                {ctx.menu.map((item) => (
                  <li>
                    <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                      {t[item.section]}
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
