// The editor's "Translation of" picker: as one types a headline, it asks the server for originals the user
// may link to and lists them; choosing one puts its number in the form's `translationOf` field. Without
// JavaScript the same search reloads the page (see TranslationField in features/editorial/views.tsx).

interface Candidate {
  id: number;
  headline: string;
  lang: string;
  statusLabel: string;
}

const ENDPOINT = '/admin/api/articles/translation-candidates';
const TYPING_PAUSE_MS = 250;
const MORE = 'more';

export function startTranslationPicker(): void {
  const picker = document.querySelector<HTMLElement>('[data-translation-picker]');
  const query = picker?.querySelector<HTMLInputElement>('[data-translation-query]');
  const options = picker?.querySelector<HTMLSelectElement>('[data-translation-options]');
  const searchForm = query?.form;
  if (!picker || !query || !options || !searchForm) return;
  const linked = picker.querySelector<HTMLElement>('[data-translation-linked]');
  const editorForm = picker.closest('form');
  let next: number | null = null;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** The language to look in: the other one than the article's (a new article's can still change). */
  const otherLang = () => {
    const chosen = editorForm?.querySelector<HTMLSelectElement>('select[name="lang"]')?.value;
    return chosen ? (chosen === 'ru' ? 'en' : 'ru') : (picker.dataset.lang ?? 'en');
  };

  const label = (c: Candidate) => `[${c.lang}] ${c.headline} (№${c.id}, ${c.statusLabel.toLowerCase()})`;

  async function search(before?: number): Promise<void> {
    const text = query!.value.trim();
    const params = new URLSearchParams({ lang: otherLang() });
    if (text) params.set('q', text);
    if (picker!.dataset.exclude) params.set('exclude', picker!.dataset.exclude);
    if (before !== undefined) params.set('before', String(before));
    const ticket = ++asked;
    const res = await fetch(`${ENDPOINT}?${params}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (ticket !== asked || !res.ok) return;
    const page = (await res.json()) as { items: Candidate[]; next: number | null };
    if (before === undefined) options!.replaceChildren();
    else options!.querySelector(`option[value="${MORE}"]`)?.remove();
    for (const c of page.items) options!.append(new Option(label(c), String(c.id)));
    if (options!.options.length === 0) options!.append(Object.assign(new Option(picker!.dataset.nothingFound ?? '', ''), { disabled: true }));
    next = page.next;
    if (next !== null) options!.append(new Option(options!.dataset.more ?? '…', MORE));
    options!.hidden = false;
  }

  /** Puts the chosen original's number in the field the editor's form sends. */
  function choose(option: HTMLOptionElement): void {
    if (option.value === MORE) {
      if (next !== null) void search(next);
      return;
    }
    if (!option.value) return;
    const field = editorForm?.querySelector<HTMLInputElement | HTMLSelectElement>('[name="translationOf"]');
    if (!field) return;
    if (field instanceof HTMLSelectElement && !field.querySelector(`option[value="${option.value}"]`)) field.append(new Option(option.text, option.value));
    field.value = option.value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    if (linked) linked.textContent = option.text;
  }

  query.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), TYPING_PAUSE_MS);
  });
  query.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || options.hidden) return;
    event.preventDefault();
    options.focus();
  });
  // The search stays on this page: sending its form would reload the editor and lose what is not saved.
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  options.addEventListener('change', () => {
    const option = options.selectedOptions[0];
    if (option) choose(option);
  });
}
