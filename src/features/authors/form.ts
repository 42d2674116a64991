/**
 * The author-profile form as data: what it shows (a stored profile, or what was just sent when it did not validate)
 * and the profile it asks the service to save. Pure; no I/O.
 */
import { translationOf } from '../../lib/localized.js';
import type { AuthorInput } from './rules.js';
import type { AuthorRow } from './store.js';

/** The form's fields as posted. */
export interface ProfileFields {
  name: string;
  name_en: string;
  slug: string;
  role_title: string;
  role_title_en: string;
  bio: string;
  bio_en: string;
  /** The chosen image's id; '' for no photo. */
  photo: string;
}

/** What the form shows. */
export interface ProfileValues {
  name: string;
  nameEn: string;
  slug: string;
  roleTitle: string;
  roleTitleEn: string;
  bio: string;
  bioEn: string;
  photo: string;
}

export const EMPTY_PROFILE: ProfileValues = { name: '', nameEn: '', slug: '', roleTitle: '', roleTitleEn: '', bio: '', bioEn: '', photo: '' };

export function valuesOf(a: AuthorRow): ProfileValues {
  return {
    name: a.name,
    nameEn: translationOf(a.translations, 'en', 'name'),
    slug: a.slug,
    roleTitle: a.roleTitle,
    roleTitleEn: translationOf(a.translations, 'en', 'role_title'),
    bio: a.bio,
    bioEn: translationOf(a.translations, 'en', 'bio'),
    photo: a.photoImageId === null ? '' : String(a.photoImageId),
  };
}

/** Textareas send CRLF line ends; we store LF. */
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

export function valuesFromForm(f: ProfileFields): ProfileValues {
  return {
    name: f.name,
    nameEn: f.name_en,
    slug: f.slug,
    roleTitle: f.role_title,
    roleTitleEn: f.role_title_en,
    bio: lines(f.bio),
    bioEn: lines(f.bio_en),
    photo: f.photo,
  };
}

/** The image chosen as the photo, to offer among the choices even when it is not one of the newest; null for none. */
export function chosenPhoto(v: ProfileValues): number | null {
  return /^\d+$/.test(v.photo) ? Number(v.photo) : null;
}

/** The profile to save: a blank address is made from the name; a photo that is not an image's id is refused by the service. */
export function inputOf(v: ProfileValues): AuthorInput {
  const photo = v.photo.trim();
  return {
    name: v.name,
    slug: v.slug.trim() || undefined,
    roleTitle: v.roleTitle,
    bio: v.bio,
    photoImageId: photo === '' ? null : /^\d+$/.test(photo) ? Number(photo) : -1,
    en: { name: v.nameEn, roleTitle: v.roleTitleEn, bio: v.bioEn },
  };
}
