/** html-validate with the recommended rules, as every page test uses it. */
import { HtmlValidate, type ConfigData } from 'html-validate';

const config: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Not switched off, only pointed the other way: the doctype is case-insensitive and renderDocument writes the lowercase form.
    'doctype-style': ['error', { style: 'lowercase' }],
  },
};

const validator = new HtmlValidate(config);

/** Every problem html-validate finds in a page, one readable line each (empty when the page is valid). */
export async function htmlProblems(html: string, name = 'page.html'): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? `  (${m.selector})` : ''}`));
}
