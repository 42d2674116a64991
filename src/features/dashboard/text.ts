/** Strings of the dashboard. */
const en = {
  title: 'Dashboard',
  drafts: 'Recent drafts',
  myDrafts: 'My recent drafts',
  noDrafts: 'No drafts.',
  review: 'Waiting for review',
  noReview: 'Nothing is waiting for review.',
  scheduled: 'Scheduled',
  noScheduled: 'Nothing is scheduled.',
  mostRead24h: 'Most read in 24 hours',
  mostRead7d: 'Most read in 7 days',
  noViews: 'No views counted yet.',
  mostReadHelp: 'Views are counted per day in the site’s time zone, so a window includes every day it touches.',
  headline: 'Article',
  views: 'Views',
  edited: 'edited',
  submitted: 'submitted',
  publishesAt: 'goes out',
  by: 'by',
};
export type DashboardText = typeof en;

const ru: DashboardText = {
  title: 'Сводка',
  drafts: 'Последние черновики',
  myDrafts: 'Мои последние черновики',
  noDrafts: 'Черновиков нет.',
  review: 'Ждут проверки',
  noReview: 'Проверки ничего не ждёт.',
  scheduled: 'Запланированы',
  noScheduled: 'Запланированных материалов нет.',
  mostRead24h: 'Самое читаемое за 24 часа',
  mostRead7d: 'Самое читаемое за 7 дней',
  noViews: 'Просмотров пока нет.',
  mostReadHelp: 'Просмотры считаются по дням в часовом поясе сайта, поэтому окно включает каждый день, который задевает.',
  headline: 'Материал',
  views: 'Просмотры',
  edited: 'изменён',
  submitted: 'отправлен',
  publishesAt: 'выйдет',
  by: 'автор',
};

export const DASHBOARD_TEXT = { ru, en };
