/** After the page loads, reports one view and shows the fresh count the server answers with. */
export function formatViews(forms: Record<string, string>, lang: string, n: number): string {
  const category = new Intl.PluralRules(lang).select(n);
  const template = forms[category] ?? forms.other ?? '{n}';
  return template.replace('{n}', new Intl.NumberFormat(lang).format(n));
}

export function startViewsBeacon(doc: Document): void {
  const el = doc.querySelector<HTMLElement>('[data-views-for]');
  if (!el) return;
  const url = `/api/views/${el.dataset.viewsFor}`;
  const send = () => {
    if (typeof fetch !== 'function') {
      navigator.sendBeacon?.(url);
      return;
    }
    fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<{ views: number }>) : null))
      .then((data) => {
        if (!data) return;
        const forms = JSON.parse(el.dataset.forms ?? '{}') as Record<string, string>;
        el.textContent = formatViews(forms, el.dataset.lang ?? doc.documentElement.lang, data.views);
        el.dataset.viewsCounted = 'true';
      })
      .catch(() => navigator.sendBeacon?.(url));
  };
  if (doc.readyState === 'complete') send();
  else window.addEventListener('load', send, { once: true });
}
