/** Reading form fields: a field is a string or a list of strings; anything else (a JSON body's objects) is absent. */
export type FormFields = Record<string, unknown>;

/** One field as a string; '' when missing or not text. */
export function field(body: FormFields, name: string): string {
  const v = body[name];
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** Every value of a repeated field that is text. */
export function fields(body: FormFields, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}
