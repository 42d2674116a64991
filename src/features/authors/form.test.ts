import { describe, expect, it } from 'vitest';
import { chosenPhoto, EMPTY_PROFILE, inputOf, valuesFromForm, valuesOf } from './form.js';

const posted = { name: 'Тимур Алиев', name_en: 'Timur Aliev', slug: ' ', role_title: 'Корреспондент', role_title_en: '', bio: 'Порты\r\nи паромы.\rКаспий.', bio_en: '', photo: '' };

describe('the author-profile form', () => {
  it('keeps what was typed, with the line ends of the textareas as LF', () => {
    expect(valuesFromForm(posted)).toEqual({ name: 'Тимур Алиев', nameEn: 'Timur Aliev', slug: ' ', roleTitle: 'Корреспондент', roleTitleEn: '', bio: 'Порты\nи паромы.\nКаспий.', bioEn: '', photo: '' });
  });

  it('asks for an address made from the name when none is typed, and for no photo when none is chosen', () => {
    expect(inputOf(valuesFromForm(posted))).toEqual({
      name: 'Тимур Алиев',
      slug: undefined,
      roleTitle: 'Корреспондент',
      bio: 'Порты\nи паромы.\nКаспий.',
      photoImageId: null,
      en: { name: 'Timur Aliev', roleTitle: '', bio: '' },
    });
  });

  it('reads the chosen photo as an image id, and anything else as one the service refuses', () => {
    expect(inputOf({ ...EMPTY_PROFILE, photo: ' 12 ' }).photoImageId).toBe(12);
    expect(inputOf({ ...EMPTY_PROFILE, photo: 'abc' }).photoImageId).toBe(-1);
    expect(chosenPhoto({ ...EMPTY_PROFILE, photo: '12' })).toBe(12);
    expect(chosenPhoto({ ...EMPTY_PROFILE, photo: 'abc' })).toBeNull();
    expect(chosenPhoto(EMPTY_PROFILE)).toBeNull();
  });

  it('shows a stored profile with its English texts and its photo', () => {
    const row = { id: 1, slug: 'anna', name: 'Анна', translations: JSON.stringify({ en: { name: 'Anna', bio: 'Columnist.' } }), bio: 'Обозреватель.', roleTitle: '', photoImageId: 7 };
    expect(valuesOf(row)).toEqual({ name: 'Анна', nameEn: 'Anna', slug: 'anna', roleTitle: '', roleTitleEn: '', bio: 'Обозреватель.', bioEn: 'Columnist.', photo: '7' });
  });
});
