/** Interface languages, messages, and Intl-based number, month and plural formatting. */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const ru = {
  skipToContent: 'Перейти к содержанию',
  mainNav: 'Разделы',
  latest: 'Последние новости',
  storyOfTheDay: 'Материал дня',
  updated: 'Обновлено',
  tags: 'Теги',
  views: { one: '{n} просмотр', few: '{n} просмотра', many: '{n} просмотров', other: '{n} просмотра' } as Plural,
  articlesCount: { one: '{n} материал', few: '{n} материала', many: '{n} материалов', other: '{n} материала' } as Plural,
  reportMistake: 'Нашли ошибку? Выделите её и нажмите Ctrl+Enter.',
  channels: 'Мы в соцсетях и мессенджерах',
  related: 'Читайте также',
  previousArticle: 'Предыдущий материал',
  nextArticle: 'Следующий материал',
  archive: 'Архив',
  calendarCaption: '{month} {year}',
  previousMonth: 'Предыдущий месяц: {month} {year}',
  nextMonth: 'Следующий месяц: {month} {year}',
  today: 'сегодня',
  noArticles: 'Материалов пока нет.',
  tagTitle: 'Материалы с тегом «{name}»',
  dayTitle: 'Материалы за {date}',
  monthTitle: 'Материалы за {month} {year}',
  page: 'Страница {n}',
  pagination: 'Страницы',
  newer: 'Новее',
  older: 'Раньше',
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'Такой страницы нет. Возможно, в адресе опечатка или материал переехал.',
  badPageNumber: 'Номер страницы должен быть целым числом от 1.',
  goneTitle: 'Материал снят с публикации',
  goneText: 'Редакция сняла этот материал с публикации. Остальные новости — на главной странице.',
  toHome: 'На главную',
  unavailableTitle: 'Сайт ненадолго недоступен',
  unavailableText: 'Мы не можем сейчас открыть эту страницу. Попробуйте через минуту.',
  unavailableSaveText: 'Изменения не сохранены: сайт сейчас не может связаться с базой данных. Вернитесь назад и отправьте форму ещё раз через минуту.',
  failureTitle: 'Что-то пошло не так',
  failureText: 'При открытии этой страницы произошла ошибка на нашей стороне. Мы её записали и разберёмся.',
  commentRules: 'Правила комментирования',
  otherLanguage: 'English',
  translation: 'Этот материал на другом языке',
  footer: 'Все права на материалы принадлежат редакции.',
};

type Messages = { [K in keyof typeof ru]: (typeof ru)[K] extends Plural ? Plural : string };

const en: Messages = {
  skipToContent: 'Skip to content',
  mainNav: 'Sections',
  latest: 'Latest news',
  storyOfTheDay: 'Story of the day',
  updated: 'Updated',
  tags: 'Tags',
  views: { one: '{n} view', other: '{n} views' },
  articlesCount: { one: '{n} article', other: '{n} articles' },
  reportMistake: 'Found a mistake? Select it and press Ctrl+Enter.',
  channels: 'Follow us',
  related: 'Read also',
  previousArticle: 'Previous article',
  nextArticle: 'Next article',
  archive: 'Archive',
  calendarCaption: '{month} {year}',
  previousMonth: 'Previous month: {month} {year}',
  nextMonth: 'Next month: {month} {year}',
  today: 'today',
  noArticles: 'No articles yet.',
  tagTitle: 'Tagged “{name}”',
  dayTitle: 'Articles of {date}',
  monthTitle: 'Articles of {month} {year}',
  page: 'Page {n}',
  pagination: 'Pages',
  newer: 'Newer',
  older: 'Older',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. The link may have a typo, or the article may have moved.',
  badPageNumber: 'The page number must be a whole number from 1 up.',
  goneTitle: 'Article withdrawn',
  goneText: 'The editors have withdrawn this article. The rest of the news is on the home page.',
  toHome: 'Go to the home page',
  unavailableTitle: 'The site is briefly unavailable',
  unavailableText: 'We cannot open this page just now. Please try again in a minute.',
  unavailableSaveText: 'Nothing was saved: the site cannot reach its database just now. Go back and send the form again in a minute.',
  failureTitle: 'Something went wrong',
  failureText: 'Opening this page failed on our side. The error has been logged and we will look into it.',
  commentRules: 'Comment rules',
  otherLanguage: 'Русский',
  translation: 'This article in another language',
  footer: 'All rights to the articles belong to the newsroom.',
};

const MESSAGES: Record<Lang, Messages> = { ru: ru as Messages, en };

type StringKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
type PluralKey = { [K in keyof Messages]: Messages[K] extends Plural ? K : never }[keyof Messages];

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const monthNames = new Map<string, string[]>();

export function formatNumber(lang: Lang, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

/** Month names: 'standalone' for captions ("Апрель"), 'genitive' inside dates ("11 апреля"). */
export function monthName(lang: Lang, month: number, form: 'standalone' | 'genitive' = 'standalone'): string {
  const key = `${lang}:${form}`;
  let names = monthNames.get(key);
  if (!names) {
    names = [];
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2024, m, 15));
      if (form === 'standalone') {
        const s = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(d);
        names.push(s.charAt(0).toUpperCase() + s.slice(1));
      } else {
        const parts = new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(d);
        names.push(parts.find((p) => p.type === 'month')!.value);
      }
    }
    monthNames.set(key, names);
  }
  return names[month - 1]!;
}

const weekdayNames = new Map<string, string[]>();

/** Weekday names for ISO weekdays 1 (Monday) … 7 (Sunday), formatted once per language and form. */
function weekdays(lang: Lang, form: 'short' | 'long'): string[] {
  const key = `${lang}:${form}`;
  let names = weekdayNames.get(key);
  if (!names) {
    const f = new Intl.DateTimeFormat(lang, { weekday: form, timeZone: 'UTC' });
    names = [];
    for (let day = 1; day <= 7; day++) {
      const s = f.format(new Date(Date.UTC(2024, 0, day))); // 1 January 2024 was a Monday
      names.push(form === 'short' ? s.charAt(0).toUpperCase() + s.slice(1) : s);
    }
    weekdayNames.set(key, names);
  }
  return names;
}

export function weekdayShort(lang: Lang, isoDay: number): string {
  return weekdays(lang, 'short')[isoDay - 1]!;
}

export function weekdayLong(lang: Lang, isoDay: number): string {
  return weekdays(lang, 'long')[isoDay - 1]!;
}

/** "11 апреля 2024" / "11 April 2024". */
export function formatLongDate(lang: Lang, year: number, month: number, day: number): string {
  return lang === 'ru' ? `${day} ${monthName(lang, month, 'genitive')} ${year}` : `${day} ${monthName(lang, month)} ${year}`;
}

export interface Translator {
  lang: Lang;
  t(key: StringKey, vars?: Record<string, string | number>): string;
  plural(key: PluralKey, n: number): string;
  /** The raw plural templates ({n} marks the number), for browser code that formats with Intl itself. */
  pluralForms(key: PluralKey): Plural;
  number(n: number): string;
}

const translators = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  let tr = translators.get(lang);
  if (!tr) {
    const messages = MESSAGES[lang];
    tr = {
      lang,
      t: (key, vars) => (vars ? fill(messages[key] as string, vars) : (messages[key] as string)),
      plural: (key, n) => {
        const forms = messages[key] as Plural;
        const template = forms[pluralCategory(lang, n)] ?? forms.other;
        return fill(template, { n: formatNumber(lang, n) });
      },
      pluralForms: (key) => messages[key] as Plural,
      number: (n) => formatNumber(lang, n),
    };
    translators.set(lang, tr);
  }
  return tr;
}

/** The site's own language has no prefix; another language lives under /<lang>. */
export function langPrefix(lang: Lang, siteLocale: Lang): string {
  return lang === siteLocale ? '' : `/${lang}`;
}
