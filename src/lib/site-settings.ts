/**
 * The shape of the site's settings (name, languages, time zone, channels, comment rules…): the vocabulary that the
 * page chrome, the back office and every slice share. The settings slice stores and changes them.
 */
import { z } from 'zod';
import { LANGS } from './i18n.js';
import { isValidTimeZone } from './time.js';

const perLang = z.object({ ru: z.string().max(2000), en: z.string().max(2000) });

export const CHANNEL_NETWORKS = ['telegram', 'dzen', 'vk', 'ok', 'youtube', 'rutube', 'tiktok', 'viber', 'whatsapp', 'x', 'rss'] as const;
export type ChannelNetwork = (typeof CHANNEL_NETWORKS)[number];


export const channelSchema = z.object({
  network: z.enum(CHANNEL_NETWORKS),
  label: z.string().min(1).max(60),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) address'),
});
export type Channel = z.infer<typeof channelSchema>;

export const settingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: perLang,
  locale: z.enum(LANGS),
  timeZone: z.string().refine(isValidTimeZone, 'is not a known IANA time zone'),
  zoneLabel: perLang,
  weekStart: z.union([z.literal(1), z.literal(7)]),
  datelineCity: perLang,
  channels: z.array(channelSchema).max(20),
  commentRules: perLang,
  /** When on, every staff member must set up a TOTP second factor before using the back office. */
  staffTotpRequired: z.boolean(),
});
export type SiteSettings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof SiteSettings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];
