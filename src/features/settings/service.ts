/** Site settings: read once and kept in memory; every change is validated, persisted and announced. */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { EventBus } from '../../lib/events.js';
import { SETTING_KEYS, parseSetting, settingsSchema, type SettingKey, type SiteSettings } from './rules.js';
import { readSettingRows, writeSetting } from './store.js';

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

  async set<K extends SettingKey>(key: K, value: unknown): Promise<SiteSettings> {
    const parsed = parseSetting(key, value);
    await writeSetting(this.db, key, parsed);
    this.current = { ...this.current, [key]: parsed };
    this.events.emit({ type: 'settings.changed' });
    return this.current;
  }
}
