import { describe, it, expect } from 'vitest';
import { inputFromForm, plainTextBody, submittedInput } from './form.js';

describe('editor form', () => {
  it('reads every field, pairing authors with their roles', () => {
    const input = inputFromForm({
      lang: 'en',
      headline: ' Ferries ',
      lead: 'Back on schedule.',
      slug: '',
      body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] }),
      authorId: ['3', '', '5'],
      authorRole: ['Columnist', 'ignored', ''],
      rubricId: ['1', 'x', '2'],
      tags: 'Caspian,  ferries , ,',
      city: 'Aktau',
      coverImageId: '',
      translationOf: '12',
      seoTitle: '',
      seoDescription: 'Short',
    });
    expect(input).toEqual({
      lang: 'en',
      headline: 'Ferries',
      lead: 'Back on schedule.',
      slug: undefined,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] },
      authors: [{ authorId: 3, role: 'Columnist' }, { authorId: 5, role: undefined }],
      rubricIds: [1, 2],
      tags: ['Caspian', 'ferries'],
      city: 'Aktau',
      coverImageId: null,
      translationOf: 12,
      seoTitle: null,
      seoDescription: 'Short',
    });
  });

  it('accepts plain paragraphs when the editor has no JavaScript', () => {
    expect(plainTextBody('One\nline\n\n\nTwo')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One line' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Two' }] },
      ],
    });
  });

  it('rejects a body that is not a document with a readable reason', () => {
    expect(() => inputFromForm({ body: '{"type":"nope"}' })).toThrow('The body must be a document.');
    expect(() => inputFromForm({ body: '{oops' })).toThrow('The body could not be read.');
  });

  it('shows what was sent beside a refusal, or nothing when the form cannot be read', () => {
    expect(submittedInput({ headline: ' ', lead: 'Typed.' })).toMatchObject({ headline: '', lead: 'Typed.' });
    expect(submittedInput({ headline: 'Ferries', body: '{oops' })).toBeUndefined();
    expect(submittedInput(undefined)).toBeUndefined();
  });
});
