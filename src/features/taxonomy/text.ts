/** Strings of the rubrics-and-tags pages of the back office. */
import type { TaxonomyProblem } from './rules.js';

type Problems = { [R in TaxonomyProblem['reason']]: (p: Extract<TaxonomyProblem, { reason: R }>) => string };
type Done = 'created' | 'renamed' | 'moved' | 'deleted' | 'merged';

const fieldsEn: Record<string, string> = {
  name: 'the name (1 to 120 characters)',
  nameEn: 'the English name (up to 120 characters)',
  slug: 'the address (lowercase latin letters, digits and single hyphens, up to 80 characters)',
};

const problemsEn: Problems = {
  forbidden: () => 'Only editors and the owner can change rubrics and tags.',
  invalid: (p) => `Please check ${p.fields.map((f) => fieldsEn[f] ?? f).join(', ')}.`,
  rubricNotFound: () => 'This rubric no longer exists. It may have been deleted.',
  tagNotFound: (p) => (p.tag ? `There is no tag “${p.tag}” in this language.` : 'This tag no longer exists. It may have been merged or deleted.'),
  rubricSlugTaken: (p) => `The address “${p.slug}” belongs to the rubric “${p.by}”. Choose another one.`,
  tagSlugTaken: (p) => `The tag “${p.by}” already has the address “${p.slug}”. To join the two tags, merge them instead.`,
  rubricInUse: (p) =>
    `The rubric “${p.name}” cannot be deleted: ${p.count} ${p.count === 1 ? 'article uses' : 'articles use'} it. Move them to another rubric first.`,
  mergeSame: () => 'A tag cannot be merged into itself.',
  mergeLanguages: () => 'Only tags of the same language can be merged.',
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
  problems: problemsEn,
  done: doneEn,
};
export type TaxonomyText = typeof en;

const fieldsRu: Record<string, string> = {
  name: 'название (от 1 до 120 символов)',
  nameEn: 'английское название (до 120 символов)',
  slug: 'адрес (строчные латинские буквы, цифры и одиночные дефисы, до 80 символов)',
};

const problemsRu: Problems = {
  forbidden: () => 'Менять рубрики и теги могут только редакторы и владелец сайта.',
  invalid: (p) => `Проверьте ${p.fields.map((f) => fieldsRu[f] ?? f).join(', ')}.`,
  rubricNotFound: () => 'Такой рубрики больше нет. Возможно, её удалили.',
  tagNotFound: (p) => (p.tag ? `Тега «${p.tag}» на этом языке нет.` : 'Такого тега больше нет. Возможно, его объединили с другим или удалили.'),
  rubricSlugTaken: (p) => `Адрес «${p.slug}» занят рубрикой «${p.by}». Выберите другой.`,
  tagSlugTaken: (p) => `Адрес «${p.slug}» уже у тега «${p.by}». Чтобы соединить два тега, объедините их.`,
  rubricInUse: (p) => `Рубрику «${p.name}» нельзя удалить: в ней материалов — ${p.count}. Сначала перенесите их в другую рубрику.`,
  mergeSame: () => 'Тег нельзя объединить с самим собой.',
  mergeLanguages: () => 'Объединять можно только теги одного языка.',
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
  problems: problemsRu,
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
