/** Strings of the rubrics-and-tags pages of the back office, and their errors in its language. */
import type { SliceErrorText } from '../../web/admin/error-text.js';

type Done = 'created' | 'renamed' | 'moved' | 'deleted' | 'merged';

const fieldsEn: Record<string, string> = {
  name: 'the name (1 to 120 characters)',
  nameEn: 'the English name (up to 120 characters)',
  slug: 'the address (lowercase latin letters, digits and single hyphens, up to 80 characters)',
};

const doneEn: Record<Done, string> = {
  created: 'The rubric is added.',
  renamed: 'Saved. The old address now leads to the new one.',
  moved: 'The order is saved.',
  deleted: 'The rubric is deleted.',
  merged: 'The tags are merged. The old address now leads to the remaining tag.',
};

const en = {
  title: 'Rubrics and tags',
  rubrics: 'Rubrics',
  rubricsHelp: 'Rubrics appear in the site navigation in this order. Flags (such as “Story of the day”) mark articles and are not in the navigation.',
  tags: 'Tags',
  tagsHelp: 'Tags are created by the article editor. Rename one to fix a spelling, or merge duplicates into one.',
  order: 'Order',
  name: 'Name',
  nameRu: 'Name in Russian',
  nameEn: 'Name in English',
  address: 'Address',
  slugHelp: 'Lowercase latin letters, digits and hyphens. When it changes, the old address keeps working and leads here.',
  slugNewHelp: 'Leave empty to make it from the English name (or the Russian one, transliterated).',
  tagSlugHelp: 'Leave empty to make it from the new name. The old address keeps working and leads here.',
  articles: 'Articles',
  actions: 'Actions',
  kind: 'Kind',
  flag: 'flag',
  section: 'section',
  isFlag: 'Editorial flag (like “Story of the day”), not a section of the site',
  oldAddresses: 'Old addresses, redirected here',
  edit: 'Edit',
  save: 'Save',
  add: 'Add the rubric',
  newRubric: 'New rubric',
  remove: 'Delete',
  removeHelp: 'Only a rubric no article uses can be deleted.',
  moveUp: (name: string) => `Move “${name}” up`,
  moveDown: (name: string) => `Move “${name}” down`,
  editOf: (name: string) => `Edit “${name}”`,
  open: 'Open on the site',
  search: 'Find',
  searchLabel: 'Name or address',
  language: 'Language',
  allLanguages: 'All',
  langNames: { ru: 'Russian', en: 'English' } as Record<string, string>,
  noTags: 'No tags found.',
  tagsFound: (n: number) => `${n} ${n === 1 ? 'tag' : 'tags'}`,
  rename: 'Rename',
  newName: 'New name',
  newAddress: 'New address (optional)',
  mergeInto: 'Merge into: the name or address of another tag of the same language',
  merge: 'Merge',
  pages: 'Pages of tags',
  previous: 'Previous',
  next: 'Next',
  pageOf: (n: number, of: number) => `Page ${n} of ${of}`,
  done: doneEn,
};
export type TaxonomyText = typeof en;

const fieldsRu: Record<string, string> = {
  name: 'название (от 1 до 120 символов)',
  nameEn: 'английское название (до 120 символов)',
  slug: 'адрес (строчные латинские буквы, цифры и одиночные дефисы, до 80 символов)',
};

const ru: TaxonomyText = {
  title: 'Рубрики и теги',
  rubrics: 'Рубрики',
  rubricsHelp: 'Рубрики стоят в меню сайта в этом порядке. Метки (например, «Материал дня») отмечают материалы и в меню не попадают.',
  tags: 'Теги',
  tagsHelp: 'Теги появляются из редактора материалов. Переименуйте тег, чтобы исправить написание, или объедините дубликаты в один.',
  order: 'Порядок',
  name: 'Название',
  nameRu: 'Название на русском',
  nameEn: 'Название на английском',
  address: 'Адрес',
  slugHelp: 'Строчные латинские буквы, цифры и дефисы. Если адрес изменится, старый продолжит работать и будет вести сюда.',
  slugNewHelp: 'Оставьте пустым, чтобы адрес составился из английского названия (или из русского в транслитерации).',
  tagSlugHelp: 'Оставьте пустым, чтобы адрес составился из нового названия. Старый адрес продолжит работать и будет вести сюда.',
  articles: 'Материалы',
  actions: 'Действия',
  kind: 'Вид',
  flag: 'метка',
  section: 'раздел',
  isFlag: 'Редакционная метка (как «Материал дня»), а не раздел сайта',
  oldAddresses: 'Старые адреса, ведут сюда',
  edit: 'Изменить',
  save: 'Сохранить',
  add: 'Добавить рубрику',
  newRubric: 'Новая рубрика',
  remove: 'Удалить',
  removeHelp: 'Удалить можно только рубрику, в которой нет материалов.',
  moveUp: (name: string) => `Поднять «${name}» выше`,
  moveDown: (name: string) => `Опустить «${name}» ниже`,
  editOf: (name: string) => `Изменить «${name}»`,
  open: 'Открыть на сайте',
  search: 'Найти',
  searchLabel: 'Название или адрес',
  language: 'Язык',
  allLanguages: 'Все',
  langNames: { ru: 'русский', en: 'английский' },
  noTags: 'Теги не найдены.',
  tagsFound: (n: number) => {
    const form = new Intl.PluralRules('ru').select(n);
    return `${n} ${form === 'one' ? 'тег' : form === 'few' ? 'тега' : 'тегов'}`;
  },
  rename: 'Переименовать',
  newName: 'Новое название',
  newAddress: 'Новый адрес (необязательно)',
  mergeInto: 'Объединить с тегом: название или адрес другого тега на том же языке',
  merge: 'Объединить',
  pages: 'Страницы тегов',
  previous: 'Назад',
  next: 'Дальше',
  pageOf: (n: number, of: number) => `Страница ${n} из ${of}`,
  done: {
    created: 'Рубрика добавлена.',
    renamed: 'Сохранено. Старый адрес теперь ведёт на новый.',
    moved: 'Порядок сохранён.',
    deleted: 'Рубрика удалена.',
    merged: 'Теги объединены. Старый адрес теперь ведёт на оставшийся тег.',
  },
};

export const TAXONOMY_TEXT = { ru, en };
export const DONE_KEYS = Object.keys(doneEn) as Done[];
export type { Done };

/** Errors of the rubrics-and-tags pages, by code and by detail (see web/admin/error-text.ts). */
export const TAXONOMY_ERRORS: Record<'ru' | 'en', SliceErrorText> = {
  ru: {
    codes: {
      FORBIDDEN: 'Менять рубрики и теги могут только редакторы и владелец сайта.',
      RUBRIC_IN_USE: (f) => `Рубрику «${f.name}» нельзя удалить: в ней материалов — ${f.count}. Сначала перенесите их в другую рубрику.`,
    },
    details: {
      'rubric: not found': 'Такой рубрики больше нет. Возможно, её удалили.',
      'tag: not found': 'Такого тега больше нет. Возможно, его объединили с другим или удалили.',
      'into: no such tag': (f) => `Тега «${f.tag}» на этом языке нет.`,
      'slug: taken by a rubric': (f) => `Адрес «${f.slug}» занят рубрикой «${f.by}». Выберите другой.`,
      'slug: taken by a tag': (f) => `Адрес «${f.slug}» уже у тега «${f.by}». Чтобы соединить два тега, объедините их.`,
      'into: the same tag': 'Тег нельзя объединить с самим собой.',
      'into: another language': 'Объединять можно только теги одного языка.',
    },
    fields: fieldsRu,
  },
  en: {
    codes: {
      FORBIDDEN: 'Only editors and the owner can change rubrics and tags.',
      RUBRIC_IN_USE: (f) =>
        `The rubric “${f.name}” cannot be deleted: ${f.count} ${f.count === 1 ? 'article uses' : 'articles use'} it. Move them to another rubric first.`,
    },
    details: {
      'rubric: not found': 'This rubric no longer exists. It may have been deleted.',
      'tag: not found': 'This tag no longer exists. It may have been merged or deleted.',
      'into: no such tag': (f) => `There is no tag “${f.tag}” in this language.`,
      'slug: taken by a rubric': (f) => `The address “${f.slug}” belongs to the rubric “${f.by}”. Choose another one.`,
      'slug: taken by a tag': (f) => `The tag “${f.by}” already has the address “${f.slug}”. To join the two tags, merge them instead.`,
      'into: the same tag': 'A tag cannot be merged into itself.',
      'into: another language': 'Only tags of the same language can be merged.',
    },
    fields: fieldsEn,
  },
};
