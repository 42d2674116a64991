import { h, Fragment, type Child, type Html } from '../../lib/html.js';
import { Calendar } from '../../features/archive/views.js';
import type { PageContext } from './context.js';
import { Channels } from './Channels.js';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  head?: Html;
  children?: Child;
}

export function Layout({ ctx, title, description, head, children }: LayoutProps): Html {
  const { tr, settings, prefix } = ctx;
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
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/site.js" defer></script>
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {tr.t('skipToContent')}
        </a>
        <header class="site-header">
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
          {ctx.alternate ? (
            <a class="lang-switch" href={ctx.alternate.href} hreflang={ctx.alternate.lang} lang={ctx.alternate.lang}>
              {tr.t('otherLanguage')}
            </a>
          ) : null}
        </header>
        <div class="page">
          <main id="main">{children}</main>
          <aside class="sidebar" aria-label={tr.t('archive')}>
            <Calendar ctx={ctx} model={ctx.calendar} />
          </aside>
        </div>
        <footer class="site-footer">
          <Channels ctx={ctx} />
          <p>
            © {settings.name}. {tr.t('footer')}
          </p>
        </footer>
      </body>
    </html>
  );
}

