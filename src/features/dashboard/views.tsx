/** The dashboard at /admin/: a column of panels, each shown only to the roles it concerns. */
import { h, Fragment, type Html } from '../../lib/html.js';
import { formatNumber, isLang, type Lang } from '../../lib/i18n.js';
import { formatDayTime, isoWithOffset } from '../../lib/time.js';
import { AdminLayout, type AdminContext } from '../../web/admin/AdminLayout.js';
import { articlePath } from '../articles/rules.js';
import type { Panel } from './service.js';
import type { MostReadItem, QueueItem } from './store.js';
import { DASHBOARD_TEXT, type DashboardText } from './text.js';

/** What every panel needs to show its items. */
interface PanelEnv {
  t: DashboardText;
  lang: Lang;
  /** The site's language, for the addresses of articles. */
  locale: Lang;
  timeZone: string;
  /** The member's own name, left out of the queues' "by" line. */
  member: string;
}

function Headline({ item, lang }: { item: { lang: string; headline: string }; lang: Lang }) {
  if (item.lang === lang) return <span class="headline">{item.headline}</span>;
  return (
    <span class="headline" lang={item.lang}>
      {item.headline} <span class="muted">({item.lang.toUpperCase()})</span>
    </span>
  );
}

function Queue({ env, items, empty, verb }: { env: PanelEnv; items: QueueItem[]; empty: string; verb: string }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ol class="queue">
      {items.map((item) => (
        <li>
          <a href={`/admin/articles/${item.id}`}>
            <Headline item={item} lang={env.lang} />
          </a>
          <span class="meta">
            {item.at ? (
              <>
                {' · '}
                {verb} <time datetime={isoWithOffset(new Date(item.at), env.timeZone)}>{formatDayTime(new Date(item.at), env.timeZone)}</time>
              </>
            ) : null}
            {item.createdBy && item.createdBy !== env.member ? ` · ${item.createdBy}` : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

function MostRead({ env, items, id }: { env: PanelEnv; items: MostReadItem[]; id: string }) {
  if (items.length === 0) return <p class="muted">{env.t.noViews}</p>;
  const { locale } = env;
  return (
    <table class="data" aria-labelledby={id}>
      <thead>
        <tr>
          <th scope="col">{env.t.headline}</th>
          <th scope="col" class="num">
            {env.t.views}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <td>
              <a href={articlePath(isLang(item.lang) ? item.lang : locale, item.slug, locale)}>
                <Headline item={item} lang={env.lang} />
              </a>
            </td>
            <td class="num">{formatNumber(env.lang, item.views)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ id, title, children }: { id: string; title: string; children?: Html | Html[] }) {
  return (
    <section class="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function PanelView({ panel, env }: { panel: Panel; env: PanelEnv }) {
  const { t } = env;
  switch (panel.id) {
    case 'review':
      return (
        <Section id={panel.id} title={t.review}>
          <Queue env={env} items={panel.items} empty={t.noReview} verb={t.submitted} />
        </Section>
      );
    case 'drafts':
      return (
        <Section id={panel.id} title={panel.own ? t.myDrafts : t.drafts}>
          <Queue env={env} items={panel.items} empty={t.noDrafts} verb={t.edited} />
        </Section>
      );
    case 'scheduled':
      return (
        <Section id={panel.id} title={t.scheduled}>
          <Queue env={env} items={panel.items} empty={t.noScheduled} verb={t.publishesAt} />
        </Section>
      );
    case 'most-read-24h':
    case 'most-read-7d':
      return (
        <Section id={panel.id} title={panel.id === 'most-read-24h' ? t.mostRead24h : t.mostRead7d}>
          <MostRead env={env} items={panel.items} id={`${panel.id}-title`} />
        </Section>
      );
  }
}

export interface DashboardPageProps {
  ctx: AdminContext;
  panels: Panel[];
  locale: Lang;
  timeZone: string;
  member: string;
}

export function DashboardPage({ ctx, panels, locale, timeZone, member }: DashboardPageProps) {
  const t = DASHBOARD_TEXT[ctx.lang];
  const env: PanelEnv = { t, lang: ctx.lang, locale, timeZone, member };
  return (
    <AdminLayout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <div class="dashboard">
        {panels.map((panel) => (
          <PanelView panel={panel} env={env} />
        ))}
      </div>
      <p class="help">{t.mostReadHelp}</p>
    </AdminLayout>
  );
}
