import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { h, Fragment, raw, escapeHtml } from './html.js';

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
});
