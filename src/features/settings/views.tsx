/** The settings page of the back office: every setting of the reading site in one form. */
import { h, type Child } from '../../lib/html.js';
import { LANGS } from '../../lib/i18n.js';
import { CHANNEL_NETWORKS } from '../../lib/site-settings.js';
import { AdminLayout, CsrfField, type AdminContext } from '../../web/admin/AdminLayout.js';
import { Notice } from '../../web/admin/Notice.js';
import { EMPTY_CHANNEL_ROWS, type ChannelRow, type SettingsFormValues } from './form.js';
import type { SettingProblem } from './rules.js';
import { SETTINGS_TEXT, type SettingsText } from './text.js';

const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/** One sentence per problem, in the back office's language, without repeats. */
function problemMessages(t: SettingsText, problems: SettingProblem[], values: SettingsFormValues): string[] {
  const out = problems.map((p) => {
    if (p.key === 'channels' && typeof p.path[0] === 'number') {
      const fieldName = String(p.path[1] ?? 'url');
      return `${t.channelRow(p.path[0] + 1)}: ${t.invalidChannel[fieldName] ?? p.message}`;
    }
    if (p.key === 'timeZone') return `${t.labels.timeZone} ${t.quoted(values.timeZone)}: ${t.invalid.timeZone}`;
    return `${t.labels[p.key]}: ${t.invalid[p.key]}`;
  });
  return [...new Set(out)];
}

/** Names of the form fields at fault, to mark them aria-invalid. */
function invalidFields(problems: SettingProblem[]): Set<string> {
  const out = new Set<string>();
  for (const p of problems) {
    if (p.key === 'channels' && typeof p.path[0] === 'number') out.add(`channels.${p.path[0]}.${String(p.path[1] ?? '')}`);
    else out.add(p.path.length && typeof p.path[0] === 'string' ? `${p.key}.${p.path[0]}` : p.key);
  }
  return out;
}

function Section({ title, children }: { title: string; children?: Child }) {
  return (
    <fieldset class="settings-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export interface SettingsPageProps {
  ctx: AdminContext;
  /** What the form shows: the stored settings, or what was just sent. */
  values: SettingsFormValues;
  /** Why the form was refused: each is named above the form, and its field marked. */
  problems: SettingProblem[];
  /** The confirmation of the last save. */
  done?: 'saved' | 'unchanged';
}

export function SettingsPage({ ctx, values, problems, done }: SettingsPageProps) {
  const t = SETTINGS_TEXT[ctx.lang];
  const bad = invalidFields(problems);
  const invalid = (name: string) => (bad.has(name) ? 'true' : undefined);
  const perLang = (key: 'description' | 'zoneLabel' | 'datelineCity' | 'commentRules', name: string, label: string, multiline: boolean) =>
    LANGS.map((lang) => {
      const caption = `${label}, ${lang === 'ru' ? t.inRussian : t.inEnglish}`;
      const fieldName = `${name}_${lang}`;
      const value = values[key][lang];
      return (
        <label lang={lang === ctx.lang ? undefined : lang}>
          <span lang={ctx.lang}>{caption}</span>
          {multiline ? (
            <textarea name={fieldName} rows="4" maxlength="2000" aria-invalid={invalid(`${key}.${lang}`) ?? invalid(key)}>
              {value}
            </textarea>
          ) : (
            <input type="text" name={fieldName} value={value} maxlength="2000" aria-invalid={invalid(`${key}.${lang}`) ?? invalid(key)} />
          )}
        </label>
      );
    });
  const rows: ChannelRow[] = [...values.channels, ...Array.from({ length: EMPTY_CHANNEL_ROWS }, () => ({ network: '', label: '', url: '' }))];
  const messages = problemMessages(t, problems, values);
  return (
    <AdminLayout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="help">{t.help}</p>
      {messages.length ? (
        <div class="notice notice-error" role="alert">
          <p>{t.problemsIntro}</p>
          <ul>
            {messages.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      ) : done === 'saved' ? (
        <Notice kind="ok">{t.saved}</Notice>
      ) : done === 'unchanged' ? (
        <Notice kind="ok">{t.nothingChanged}</Notice>
      ) : null}
      <form method="post" action="/admin/settings/" class="stack settings-form">
        <CsrfField ctx={ctx} />
        <Section title={t.siteSection}>
          <label>
            {t.name}
            <input type="text" name="name" value={values.name} required maxlength="120" aria-invalid={invalid('name')} />
          </label>
          {perLang('description', 'description', t.description, true)}
          <label>
            {t.locale}
            <select name="locale" aria-invalid={invalid('locale')}>
              {LANGS.map((l) => (
                <option value={l} selected={values.locale === l}>
                  {t.locales[l] ?? l}
                </option>
              ))}
            </select>
          </label>
        </Section>
        <Section title={t.timeSection}>
          <label>
            {t.timeZone}
            <input type="text" name="time_zone" value={values.timeZone} required list="time-zones" autocomplete="off" aria-invalid={invalid('timeZone')} aria-describedby="time-zone-help" />
          </label>
          <p class="help" id="time-zone-help">
            {t.timeZoneHelp}
          </p>
          <datalist id="time-zones">
            {TIME_ZONES.map((z) => (
              <option value={z}></option>
            ))}
          </datalist>
          {perLang('zoneLabel', 'zone_label', t.zoneLabel, false)}
          <label>
            {t.weekStart}
            <select name="week_start" aria-invalid={invalid('weekStart')}>
              {['1', '7'].map((d) => (
                <option value={d} selected={values.weekStart === d}>
                  {t.weekStarts[d]}
                </option>
              ))}
            </select>
          </label>
        </Section>
        <Section title={t.datelineSection}>{perLang('datelineCity', 'dateline_city', t.datelineCity, false)}</Section>
        <Section title={t.channelsSection}>
          <p class="help">{t.channelsHelp}</p>
          <table class="data channels-table">
            <thead>
              <tr>
                <th scope="col">{t.network}</th>
                <th scope="col">{t.label}</th>
                <th scope="col">{t.url}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr>
                  <td>
                    <select name="channel_network[]" aria-label={`${t.channelRow(i + 1)}: ${t.network}`} aria-invalid={invalid(`channels.${i}.network`)}>
                      <option value="" selected={row.network === ''}>
                        {t.noNetwork}
                      </option>
                      {CHANNEL_NETWORKS.map((n) => (
                        <option value={n} selected={row.network === n}>
                          {t.networks[n]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="text" name="channel_label[]" value={row.label} maxlength="60" aria-label={`${t.channelRow(i + 1)}: ${t.label}`} aria-invalid={invalid(`channels.${i}.label`)} />
                  </td>
                  <td>
                    <input name="channel_url[]" type="url" value={row.url} aria-label={`${t.channelRow(i + 1)}: ${t.url}`} aria-invalid={invalid(`channels.${i}.url`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section title={t.commentsSection}>{perLang('commentRules', 'comment_rules', t.commentRules, true)}</Section>
        <Section title={t.securitySection}>
          <label class="checkbox">
            <input type="checkbox" name="staff_totp_required" value="1" checked={values.staffTotpRequired} aria-describedby="totp-help" />
            {t.staffTotpRequired}
          </label>
          <p class="help" id="totp-help">
            {t.staffTotpHelp}
          </p>
        </Section>
        <button type="submit">{t.save}</button>
      </form>
    </AdminLayout>
  );
}
