import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { h, Fragment, raw, escapeHtml, fragmentMemo, transientBytes } from './html.js';

describe('html runtime', () => {
  it('escapes text and attributes, passes raw() through, renders void elements', () => {
    const Bold = (p: { name: string; children?: unknown }) => <b title={p.name}>{p.children as string}</b>;
    const out = (
      <>
        <p class="a">
          {'<x>'}
          {raw('<i>ok</i>')}
        </p>
        <Bold name={'"q"'}>hi</Bold>
        <br />
      </>
    );
    expect(out.value).toBe('<p class="a">&lt;x&gt;<i>ok</i></p><b title="&quot;q&quot;">hi</b><br>');
  });

  it('drops false, null and undefined attributes and children; renders true as a bare attribute', () => {
    const out = <input disabled={true} hidden={false} value={undefined} />;
    expect(out.value).toBe('<input disabled>');
    expect((<p>{null}{false}{0}</p>).value).toBe('<p>0</p>');
  });

  it('never lets markup through escapeHtml', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });

  it('renders a kept fragment once per object and variant, and again for a new object', () => {
    const memo = fragmentMemo<{ name: string }>();
    let renders = 0;
    const render = (o: { name: string }, lang: string) => memo(o, lang, () => (renders++, <p lang={lang}>{o.name}</p>));
    const first = { name: 'Вестник' };
    expect(render(first, 'ru').value).toBe('<p lang="ru">Вестник</p>');
    expect(render(first, 'ru').value).toBe('<p lang="ru">Вестник</p>');
    expect(render(first, 'en').value).toBe('<p lang="en">Вестник</p>');
    expect(renders).toBe(2);
    expect(render({ name: 'Обозреватель' }, 'ru').value).toBe('<p lang="ru">Обозреватель</p>');
    expect(renders).toBe(3);
  });

  it('encodes transient pages as UTF-8 without one overwriting another', () => {
    const samples = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ maxLength: 200_000 })), 300);
    const encoded = samples.map((text) => transientBytes(text));
    encoded.forEach((bytes, i) => expect(bytes.equals(Buffer.from(samples[i]!))).toBe(true));
  });
});
