/** Instants travel as ISO strings; people read them in China time (UTC+8), whatever the phone's zone. */
const pad = (n: number) => String(n).padStart(2, '0');

export function chinaDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const c = new Date(t.getTime() + 8 * 3600 * 1000);
  return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

export function chinaDate(iso: string): string {
  return chinaDateTime(iso).slice(0, 10);
}

/** Query values from a scan or a link: `scene` arrives URL-encoded from a mini-program code. */
export function decodeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
}
