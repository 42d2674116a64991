// The article editor island: Tiptap over the server-rendered form. It keeps the hidden `body` field in
// sync, counts words, saves by itself (a live article into its working copy), asks before leaving unsaved
// changes or withdrawing, and inserts photos (uploaded to the media library) and embeds.
import { Editor, Node, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { startTranslationPicker } from './translation-picker.js';

const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { imageId: { default: null }, src: { default: '' }, caption: { default: '' }, credit: { default: '' }, alt: { default: '' } };
  },
  parseHTML: () => [{ tag: 'figure[data-image-id]' }],
  renderHTML({ HTMLAttributes }) {
    const { src, caption, credit, alt, imageId } = HTMLAttributes as Record<string, string>;
    return ['figure', mergeAttributes({ 'data-image-id': imageId, class: 'editor-figure' }), ['img', { src, alt }], ['figcaption', {}, [caption, credit].filter(Boolean).join(' · ')]];
  },
});

const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  addAttributes() {
    return { url: { default: '' } };
  },
  parseHTML: () => [{ tag: 'div[data-embed]' }],
  renderHTML({ HTMLAttributes }) {
    return ['div', { 'data-embed': '', class: 'editor-embed' }, `▶ ${(HTMLAttributes as { url: string }).url}`];
  },
});

interface Doc {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Doc[];
}

/** Adds the image address to figures for display; the server keeps only the image id. */
function withImageSources(doc: Doc, sources: Map<number, string>): Doc {
  if (doc.type === 'figure' && doc.attrs) return { ...doc, attrs: { ...doc.attrs, src: sources.get(Number(doc.attrs.imageId)) ?? '' } };
  return doc.content ? { ...doc, content: doc.content.map((c) => withImageSources(c, sources)) } : doc;
}

function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).length;
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('#editor-form');
  const mount = form?.querySelector<HTMLElement>('[data-editor-mount]');
  const field = form?.querySelector<HTMLInputElement>('[data-editor-json]');
  const toolbar = form?.querySelector<HTMLElement>('.editor-toolbar');
  if (!form || !mount || !field || !toolbar) return;
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const stats = form.querySelector<HTMLElement>('[data-editor-stats]');
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const sources = new Map<number, string>(Object.entries(JSON.parse(mount.dataset.imageSources ?? '{}') as Record<string, string>).map(([id, url]) => [Number(id), url]));

  const editor = new Editor({
    element: mount,
    injectCSS: false,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, strike: false, horizontalRule: false, underline: false, link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] } }),
      Figure,
      Embed,
    ],
    content: withImageSources(JSON.parse(field.value) as Doc, sources),
    editorProps: { attributes: { class: 'editor-content', 'aria-label': form.querySelector('.body-field legend')?.textContent ?? 'Body', role: 'textbox', 'aria-multiline': 'true' } },
  });

  // `dirty`: changed since the last autosave began; `unsaved`: changed since the server last had the fields.
  let dirty = false;
  let unsaved = false;
  const changed = () => {
    dirty = true;
    unsaved = true;
  };
  const sync = () => {
    field.value = JSON.stringify(editor.getJSON());
    if (stats) {
      const words = countWords(editor.getText());
      stats.textContent = `${words} ${stats.dataset.wordsLabel ?? ''} · ${Math.max(1, Math.round(words / 200))} ${stats.dataset.minutesLabel ?? ''}`;
    }
  };
  editor.on('update', () => {
    sync();
    changed();
  });
  form.addEventListener('input', changed);
  guardLeaving(form, () => unsaved);
  const l = JSON.parse(toolbar.dataset.labels ?? '{}') as Record<string, string>;
  const buttons: Array<[string, string, () => void]> = [
    ['H2', l.h2!, () => editor.chain().focus().toggleHeading({ level: 2 }).run()],
    ['H3', l.h3!, () => editor.chain().focus().toggleHeading({ level: 3 }).run()],
    ['B', l.bold!, () => editor.chain().focus().toggleBold().run()],
    ['I', l.italic!, () => editor.chain().focus().toggleItalic().run()],
    ['“ ”', l.quote!, () => editor.chain().focus().toggleBlockquote().run()],
    ['•', l.bullets!, () => editor.chain().focus().toggleBulletList().run()],
    ['1.', l.numbers!, () => editor.chain().focus().toggleOrderedList().run()],
    [
      l.link!,
      l.link!,
      () => {
        const href = window.prompt(l.linkPrompt);
        if (href === null) return;
        if (href === '') editor.chain().focus().unsetLink().run();
        else editor.chain().focus().setLink({ href }).run();
      },
    ],
    [l.photo!, l.photo!, () => pickImage()],
    [
      l.embed!,
      l.embed!,
      () => {
        const url = window.prompt(l.embedPrompt);
        if (url) editor.chain().focus().insertContent({ type: 'embed', attrs: { url } }).run();
      },
    ],
  ];
  for (const [label, title, run] of buttons) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', run);
    toolbar.append(b);
  }
  toolbar.hidden = false;

  function pickImage(): void {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/webp,image/gif,image/avif';
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      const caption = window.prompt(l.caption) ?? '';
      const credit = window.prompt(l.credit) ?? '';
      const alt = window.prompt(l.alt) ?? '';
      const data = new FormData();
      data.append('caption', caption);
      data.append('credit', credit);
      data.append('alt', alt);
      data.append('file', file);
      const res = await fetch('/admin/api/media', { method: 'POST', body: data, headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' });
      const json = (await res.json()) as { id?: number; url?: string; error?: { message: string } };
      if (!res.ok || !json.id) {
        window.alert(json.error?.message ?? l.uploadFailed);
        return;
      }
      editor.chain().focus().insertContent({ type: 'figure', attrs: { imageId: json.id, src: json.url, caption, credit, alt } }).run();
    });
    input.click();
  }

  const stamp = form.querySelector<HTMLInputElement>('input[name="updatedAt"]');
  /** The autosave on its way, if any: a button pressed meanwhile waits for it, so the form carries the fresh stamp. */
  let saving: Promise<void> | null = null;
  let submitting = false;

  async function autosave(url: string): Promise<void> {
    dirty = false;
    sync();
    const res = await fetch(url, { method: 'POST', body: new URLSearchParams(new FormData(form!) as unknown as Record<string, string>), headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' });
    const json = (await res.json()) as { updatedAt?: string; savedAt?: string; pending?: boolean; error?: { message: string } };
    if (res.ok && json.updatedAt) {
      if (stamp) stamp.value = json.updatedAt;
      if (!dirty) unsaved = false;
      if (status) status.textContent = `${status.dataset.label ?? ''} ${json.savedAt ?? ''}`;
      showPendingChanges(json.pending === true);
    } else {
      if (status) status.textContent = json.error?.message ?? '';
      dirty = true;
    }
  }

  form.addEventListener('submit', (event) => {
    const button = event.submitter instanceof HTMLButtonElement ? event.submitter : null;
    if (button?.dataset.confirm !== undefined && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    if (saving) {
      event.preventDefault();
      void saving.finally(() => form.requestSubmit(button));
      return;
    }
    sync();
    if (button?.value === 'unpublish') addConfirmed(form);
    // A preview opens in another tab; everything else leaves this page with the fields sent.
    if (button?.formTarget !== '_blank') {
      submitting = true;
      unsaved = false;
    }
  });

  const autosaveUrl = form.dataset.autosave;
  if (autosaveUrl) {
    setInterval(() => {
      if (!dirty || saving || submitting) return;
      saving = autosave(autosaveUrl)
        .catch(() => {
          dirty = true;
        })
        .finally(() => {
          saving = null;
        });
    }, 8000);
  }
}

/** After an autosave of a live article: whether there are unpublished changes to announce and to offer to discard. */
function showPendingChanges(pending: boolean): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-pending-notice], [data-pending-only]')) el.hidden = !pending;
}

/** The withdrawal was confirmed in a dialog, so the server need not ask again on a page of its own. */
function addConfirmed(form: HTMLFormElement): void {
  if (form.querySelector('input[name="confirm"]')) return;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = 'confirm';
  input.value = '1';
  form.append(input);
}

/** Leaving the page with unsaved changes asks first: the browser's own dialog, and a confirm on the back office's links. */
function guardLeaving(form: HTMLFormElement, hasUnsaved: () => boolean): void {
  const question = form.dataset.leaveUnsaved ?? '';
  let confirmed = false;
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsaved() || confirmed) return;
    event.preventDefault();
    event.returnValue = '';
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.origin !== window.location.origin) return;
    if (link.pathname === window.location.pathname && link.hash) return;
    if (!hasUnsaved()) return;
    if (window.confirm(question)) confirmed = true;
    else event.preventDefault();
  });
}

start();
startTranslationPicker();
