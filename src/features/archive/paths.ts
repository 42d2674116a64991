const pad = (n: number) => String(n).padStart(2, '0');

export function monthPath(prefix: string, year: number, month: number): string {
  return `${prefix}/${year}/${pad(month)}/`;
}

export function dayPath(prefix: string, year: number, month: number, day: number): string {
  return `${prefix}/${year}/${pad(month)}/${pad(day)}/`;
}
