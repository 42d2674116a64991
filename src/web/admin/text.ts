/** Strings of the back office chrome. Each feature keeps its own admin strings beside its routes. */
const en = {
  newsroom: 'Newsroom',
  dashboard: 'Dashboard',
  articles: 'Articles',
  media: 'Media',
  taxonomy: 'Rubrics and tags',
  authors: 'Authors',
  staff: 'Staff',
  settings: 'Settings',
  account: 'My account',
  signOut: 'Sign out',
  signOutEverywhere: 'Sign out everywhere',
  viewSite: 'View the site',
  forbiddenTitle: 'Not allowed',
  forbiddenText: 'Your role does not allow this. Ask an editor or the owner if you need it.',
  notFoundTitle: 'Not found',
  notFoundText: 'There is nothing here. It may have been deleted.',
  refusedTitle: 'Not done',
  saved: 'Saved.',
  adminNav: 'Back office',
};
export type AdminText = typeof en;

const ru: AdminText = {
  newsroom: 'Редакция',
  dashboard: 'Сводка',
  articles: 'Материалы',
  media: 'Медиатека',
  taxonomy: 'Рубрики и теги',
  authors: 'Авторы',
  staff: 'Сотрудники',
  settings: 'Настройки',
  account: 'Моя учётная запись',
  signOut: 'Выйти',
  signOutEverywhere: 'Выйти на всех устройствах',
  viewSite: 'Открыть сайт',
  forbiddenTitle: 'Нет доступа',
  forbiddenText: 'Ваша роль не позволяет этого сделать. Если это нужно, обратитесь к редактору или владельцу сайта.',
  notFoundTitle: 'Не найдено',
  notFoundText: 'Здесь ничего нет. Возможно, это удалили.',
  refusedTitle: 'Не выполнено',
  saved: 'Сохранено.',
  adminNav: 'Редакция',
};

export const ADMIN_TEXT = { ru, en };

/** Picks a feature's strings in a language: `pick({ ru, en }, lang)`. */
export function pick<T>(texts: { ru: T; en: T }, lang: 'ru' | 'en'): T {
  return texts[lang];
}
