/** The demo newsroom's authors and rubrics (fictional people; our own writing). */
import type { AuthorKey, RubricKey } from './content/types.js';

export const DEMO_AUTHORS: Record<AuthorKey, { name: string; en: string; role: string; roleEn: string; bio: string; bioEn: string }> = {
  morozova: {
    name: 'Анна Морозова',
    en: 'Anna Morozova',
    role: 'Международный обозреватель',
    roleEn: 'International columnist',
    bio: 'Пишет о торговых путях и соседях России по Каспию.',
    bioEn: 'Writes about trade routes and Russia’s Caspian neighbours.',
  },
  aliyev: {
    name: 'Рустам Алиев',
    en: 'Rustam Aliyev',
    role: 'Транспортный корреспондент',
    roleEn: 'Transport correspondent',
    bio: 'Следит за портами, паромами и железными дорогами региона.',
    bioEn: 'Follows the region’s ports, ferries and railways.',
  },
  kim: {
    name: 'Ирина Ким',
    en: 'Irina Kim',
    role: 'Редактор отдела культуры',
    roleEn: 'Culture editor',
    bio: 'Музеи, фестивали и история городов Прикаспия.',
    bioEn: 'Museums, festivals and the history of Caspian cities.',
  },
  sokolov: {
    name: 'Дмитрий Соколов',
    en: 'Dmitry Sokolov',
    role: 'Редактор отдела экономики',
    roleEn: 'Economics editor',
    bio: 'Грузы, тарифы и торговля в цифрах.',
    bioEn: 'Cargo, tariffs and trade in figures.',
  },
  nurlanova: {
    name: 'Айгерим Нурланова',
    en: 'Aigerim Nurlanova',
    role: 'Корреспондент в Актау',
    roleEn: 'Correspondent in Aktau',
    bio: 'Рассказывает о жизни казахстанского побережья Каспия.',
    bioEn: 'Reports on life along Kazakhstan’s Caspian coast.',
  },
};

export const DEMO_RUBRICS: Array<{ key: RubricKey | 'story-of-the-day'; name: string; en: string; isFlag: boolean }> = [
  { key: 'story-of-the-day', name: 'Материал дня', en: 'Story of the day', isFlag: true },
  { key: 'economy', name: 'Экономика', en: 'Economy', isFlag: false },
  { key: 'transport', name: 'Транспорт', en: 'Transport', isFlag: false },
  { key: 'cities', name: 'Города', en: 'Cities', isFlag: false },
  { key: 'culture', name: 'Культура', en: 'Culture', isFlag: false },
  { key: 'environment', name: 'Природа', en: 'Environment', isFlag: false },
];

export const DEMO_CHANNELS = [
  { network: 'telegram', label: 'Telegram', url: 'https://t.me/dateline_demo' },
  { network: 'dzen', label: 'Дзен', url: 'https://dzen.ru/dateline_demo' },
  { network: 'vk', label: 'ВКонтакте', url: 'https://vk.com/dateline_demo' },
  { network: 'ok', label: 'Одноклассники', url: 'https://ok.ru/dateline_demo' },
  { network: 'youtube', label: 'YouTube', url: 'https://www.youtube.com/@dateline_demo' },
  { network: 'tiktok', label: 'TikTok', url: 'https://www.tiktok.com/@dateline_demo' },
  { network: 'viber', label: 'Viber', url: 'https://invite.viber.com/?g=dateline_demo' },
] as const;
