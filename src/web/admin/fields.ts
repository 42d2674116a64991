/**
 * Form fields in route schemas. A urlencoded field is a string, or a list of strings when repeated; anything else
 * (a JSON body's objects) counts as absent. The service validates what the fields mean; these only read them.
 */
import { z } from 'zod';

export type FormFields = Record<string, unknown>;

const firstText = (v: unknown): string => {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};

/** One field as a string; '' when missing or not text. */
export function field(body: FormFields, name: string): string {
  return firstText(body[name]);
}

/** Every value of a repeated field that is text. */
export function fields(body: FormFields, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** A form field in a body schema: its text, '' when missing. */
export const formText = z.preprocess(firstText, z.string());

/** A repeated form field in a body schema (`name[]`, checkboxes): every value that is text; [] when missing. */
export const formTexts = z.preprocess((v) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string'), z.array(z.string()));

/** A form's body schema: the named fields read as text; other fields (the CSRF token) pass through unread. */
export const formSchema = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.preprocess((body) => (body && typeof body === 'object' ? body : {}), z.looseObject(shape));
