/** Site settings: read once and kept in memory; every change is validated, persisted and announced. */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { parseSetting } from './rules.js';
import { SETTING_KEYS, settingsSchema, type SettingKey, type SiteSettings } from '../../lib/site-settings.js';
import { readSettingRows, writeSetting, serverSecret } from './store.js';

export class SettingsService {
  private current: SiteSettings;

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly events: EventBus,
    private readonly defaults: SiteSettings,
    initial: SiteSettings,
  ) {
    this.current = initial;
  }

  /** Loads stored settings over the defaults; a stored value that no longer validates falls back to its default. */
  static async load(db: Kysely<Database>, events: EventBus, defaults: SiteSettings): Promise<SettingsService> {
    const service = new SettingsService(db, events, defaults, defaults);
    await service.reload();
    return service;
  }

  /** A server secret shared by every node (the CSRF tokens' key), generated on first use. */
  serverSecret(name: string): Promise<string> {
    return serverSecret(this.db, name);
  }

  /** Reads the stored settings again, after another node changed them. Announces nothing: the relay does. */
  async reload(): Promise<void> {
    const stored = await readSettingRows(this.db);
    const merged: Record<string, unknown> = { ...this.defaults };
    for (const key of SETTING_KEYS) {
      if (!stored.has(key)) continue;
      const parsed = settingsSchema.shape[key].safeParse(stored.get(key));
      if (parsed.success) merged[key] = parsed.data;
    }
    this.current = merged as SiteSettings;
  }

  get(): SiteSettings {
    return this.current;
  }

  set<K extends SettingKey>(key: K, value: unknown): Promise<SiteSettings> {
    return this.setMany({ [key]: value });
  }

  /** Validates every value first, then stores them all in one transaction and announces one change. */
  async setMany(values: Partial<Record<SettingKey, unknown>>): Promise<SiteSettings> {
    const parsed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, parseSetting(key as SettingKey, value)])) as Partial<SiteSettings>;
    const keys = Object.keys(parsed);
    if (keys.length === 0) return this.current;
    await this.db.transaction().execute(async (trx) => {
      for (const key of keys) await writeSetting(trx, key, parsed[key as SettingKey]);
    });
    this.current = { ...this.current, ...parsed };
    this.events.emit({ type: 'settings.changed' });
    return this.current;
  }
}
