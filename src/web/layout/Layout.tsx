import { h, Fragment, fragmentMemo, type Child, type Html } from '../../lib/html.js';
import type { SiteSettings } from '../../lib/site-settings.js';
import type { NavItem, PageContext } from './context.js';
import { Channels } from './Channels.js';
import { Favicon } from './Favicon.js';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  head?: Html;
  children?: Child;
}

// The site's name with the rubric navigation, and the footer, change only with the rubrics or the settings (both
// replaced, never mutated, on change), so they are rendered once per snapshot and language.
const mastheads = fragmentMemo<NavItem[]>();
const footers = fragmentMemo<SiteSettings>();

function Masthead({ ctx }: { ctx: PageContext }): Html {
  const { tr, settings, prefix } = ctx;
  return mastheads(ctx.nav, `${ctx.lang}|${prefix}|${settings.name}`, () => (
    <>
      <a class="site-name" href={`${prefix}/`}>
        {settings.name}
      </a>
      <nav aria-label={tr.t('mainNav')}>
        <ul class="rubric-nav">
          {ctx.nav.map((r) => (
            <li>
              <a href={`${prefix}/rubric/${r.slug}/`}>{r.name}</a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  ));
}

function SiteFooter({ ctx }: { ctx: PageContext }): Html {
  return footers(ctx.settings, ctx.lang, () => (
    <footer class="site-footer">
      <Channels ctx={ctx} />
      <p>
        © {ctx.settings.name}. {ctx.tr.t('footer')}
      </p>
    </footer>
  ));
}

export function Layout({ ctx, title, description, head, children }: LayoutProps): Html {
  const { tr, settings } = ctx;
  const fullTitle = title === settings.name ? title : `${title} — ${settings.name}`;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description ?? settings.description[ctx.lang]} />
        <link rel="canonical" href={`${ctx.origin}${ctx.path}`} />
        {ctx.alternate ? <link rel="alternate" hreflang={ctx.alternate.lang} href={`${ctx.origin}${ctx.alternate.href}`} /> : null}
        <Favicon />
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/site.js" defer></script>
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {tr.t('skipToContent')}
        </a>
        <header class="site-header">
          <Masthead ctx={ctx} />
          {ctx.alternate ? (
            <a class="lang-switch" href={ctx.alternate.href} hreflang={ctx.alternate.lang} lang={ctx.alternate.lang}>
              {tr.t('otherLanguage')}
            </a>
          ) : null}
        </header>
        <div class="page">
          <main id="main">{children}</main>
          <aside class="sidebar" aria-label={tr.t('archive')}>
            {ctx.sidebar}
          </aside>
        </div>
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}

