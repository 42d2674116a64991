/**
 * The dashboard at /admin/: a column of panels, each shown only to the roles it concerns. Later queues
 * (comments to moderate, error reports) are new entries in PANELS, not a new page.
 */
import type { FastifyInstance } from 'fastify';
import { h, Fragment, type Html } from '../../lib/html.js';
import { formatNumber, isLang, type Lang } from '../../lib/i18n.js';
import { formatDayTime, isoWithOffset } from '../../lib/time.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { adminContext, requireStaff, sendAdmin, type AdminDeps } from '../../web/admin/kit.js';
import { can } from '../accounts/policy.js';
import type { SessionUser } from '../accounts/service.js';
import { articlePath } from '../articles/rules.js';
import { inReview, mostRead, recentDrafts, scheduledQueue, type MostReadItem, type QueueItem } from './store.js';
import { windowDayKeys } from './rules.js';
import { DASHBOARD_TEXT, type DashboardText } from './text.js';

const LIMIT = 10;

interface PanelEnv {
  deps: AdminDeps;
  user: SessionUser;
  t: DashboardText;
  lang: Lang;
  timeZone: string;
  now: Date;
}

interface Panel {
  id: string;
  show: (user: SessionUser) => boolean;
  render: (env: PanelEnv) => Promise<Html>;
}

/** Editors and the owner see every article; an author sees only their own. */
const ownOnly = (user: SessionUser) => (can(user, 'article.publish') ? {} : { createdBy: user.id });

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
            {item.createdBy && item.createdBy !== env.user.name ? ` · ${item.createdBy}` : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

function MostRead({ env, items, id }: { env: PanelEnv; items: MostReadItem[]; id: string }) {
  if (items.length === 0) return <p class="muted">{env.t.noViews}</p>;
  const locale = env.deps.settings.get().locale;
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

function mostReadPanel(id: string, hours: number, title: (t: DashboardText) => string): Panel {
  return {
    id,
    show: () => true,
    render: async (env) => {
      const items = await mostRead(env.deps.db, windowDayKeys(env.now, env.timeZone, hours), LIMIT);
      return (
        <Section id={id} title={title(env.t)}>
          <MostRead env={env} items={items} id={`${id}-title`} />
        </Section>
      );
    },
  };
}

/** In display order. Comment and error-report queues join this list when their slices land. */
const PANELS: Panel[] = [
  {
    id: 'review',
    show: (user) => can(user, 'article.publish'),
    render: async (env) => (
      <Section id="review" title={env.t.review}>
        <Queue env={env} items={await inReview(env.deps.db, { limit: LIMIT })} empty={env.t.noReview} verb={env.t.submitted} />
      </Section>
    ),
  },
  {
    id: 'drafts',
    show: (user) => can(user, 'article.create'),
    render: async (env) => {
      const filter = ownOnly(env.user);
      return (
        <Section id="drafts" title={filter.createdBy === undefined ? env.t.drafts : env.t.myDrafts}>
          <Queue env={env} items={await recentDrafts(env.deps.db, { ...filter, limit: LIMIT })} empty={env.t.noDrafts} verb={env.t.edited} />
        </Section>
      );
    },
  },
  {
    id: 'scheduled',
    show: (user) => can(user, 'article.read'),
    render: async (env) => (
      <Section id="scheduled" title={env.t.scheduled}>
        <Queue env={env} items={await scheduledQueue(env.deps.db, { ...ownOnly(env.user), limit: LIMIT })} empty={env.t.noScheduled} verb={env.t.publishesAt} />
      </Section>
    ),
  },
  mostReadPanel('most-read-24h', 24, (t) => t.mostRead24h),
  mostReadPanel('most-read-7d', 7 * 24, (t) => t.mostRead7d),
];

export function dashboardRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/', async (request, reply) => {
    const user = requireStaff(deps, request, reply, 'dashboard.view');
    if (!user) return reply;
    const ctx = adminContext(deps, request, reply);
    const t = DASHBOARD_TEXT[ctx.lang];
    const env: PanelEnv = { deps, user, t, lang: ctx.lang, timeZone: deps.settings.get().timeZone, now: deps.services.now() };
    const panels = await Promise.all(PANELS.filter((p) => p.show(user)).map((p) => p.render(env)));
    return sendAdmin(
      reply,
      <AdminLayout ctx={ctx} title={t.title}>
        <h1>{t.title}</h1>
        <div class="dashboard">{panels}</div>
        <p class="help">{t.mostReadHelp}</p>
      </AdminLayout>,
    );
  });
}
