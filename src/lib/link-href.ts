/**
 * Link targets that a page may set through attributes (help links, support links).
 *
 * Pure: no DOM, no Lit. A link attribute is author input, but it is still the one place where a
 * `javascript:` or `data:` URL would turn a help link into script execution, so only http(s)
 * and relative URLs pass (OWASP ASVS 5.2.x, output encoding and sanitization of URLs).
 */

/** Longest link target accepted; a help link is never this long, an attack payload may be. */
export const LINK_HREF_MAX = 2048;

/**
 * Returns `value` when it is a usable link target — an absolute `http:`/`https:` URL, or a
 * relative URL (`/support/`, `help.html`, `?q=1`, `#steps`) — and `fallback` otherwise.
 *
 * Rejected (→ `fallback`): missing or blank values, other schemes (`javascript:`, `data:`,
 * `vbscript:`, `file:`, `blob:`), protocol-relative URLs (`//evil.example`: they leave the
 * page's origin while looking relative), backslashes (browsers read `/\evil` as `//evil`),
 * control characters (browsers silently drop tab and newline, so `java\tscript:` runs), URLs
 * carrying a user name or password, and values longer than {@link LINK_HREF_MAX}.
 *
 * @example
 * ```ts
 * safeLinkHref('https://support.so-net.ne.jp/', DEFAULT); // → 'https://support.so-net.ne.jp/'
 * safeLinkHref('javascript:alert(1)', DEFAULT);           // → DEFAULT
 * ```
 */
export function safeLinkHref(value: string | null | undefined, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const v = value.trim();
  if (!v || v.length > LINK_HREF_MAX) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(v)) return fallback;
  if (v.startsWith('//')) return fallback;
  // A scheme is letters, digits, `+`, `-`, `.` before the first `:` that precedes any `/?#`.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v);
  if (!scheme) return v;
  const protocol = scheme[1].toLowerCase();
  if (protocol !== 'http' && protocol !== 'https') return fallback;
  try {
    const url = new URL(v);
    if (url.username || url.password || !url.hostname) return fallback;
  } catch {
    return fallback;
  }
  return v;
}
