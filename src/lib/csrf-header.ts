/**
 * Where the login form may send the page's CSRF token (`<meta name="csrf-token">` as
 * `X-CSRF-Token`).
 *
 * Pure: no DOM, no Lit. The token authenticates requests to the page's own server; an `action`
 * that names another origin (a misconfigured attribute, or markup an attacker could add) must
 * not receive it: a token sent to another origin is a token disclosed to it.
 */

/**
 * True when a request to `url` may carry the CSRF header: `url`, resolved against `page`, has
 * the same origin as `page` (scheme, host and port), over http(s). Never throws.
 *
 * | `url` (page `https://www.so-net.ne.jp/login/`) | result |
 * |---|---|
 * | `/api/login`, `login`, `?x=1`, `https://www.so-net.ne.jp/api` | `true` |
 * | `https://evil.example/`, `//evil.example/`, `https://www.so-net.ne.jp.evil.example/` | `false` (another host) |
 * | `http://www.so-net.ne.jp/`, `https://www.so-net.ne.jp:8443/` | `false` (another scheme or port) |
 * | `https://support.so-net.ne.jp/` | `false` (a sibling host is another origin) |
 * | `javascript:…`, `data:…`, `blob:…`, unparsable, empty, not a string | `false` |
 * | a URL carrying a user name or password | `false` |
 * | any `url` when `page` is not an http(s) URL (`about:blank`, `file:`, `null`) | `false` |
 *
 * @example
 * ```ts
 * if (token && csrfHeaderAllowed(url, location.href)) headers.set('X-CSRF-Token', token);
 * ```
 */
export function csrfHeaderAllowed(url: string | URL | null | undefined, page: string | null | undefined): boolean {
  try {
    if (typeof page !== 'string' || !page) return false;
    const pageUrl = new URL(page);
    if (pageUrl.protocol !== 'https:' && pageUrl.protocol !== 'http:') return false;
    if (url === null || url === undefined) return false;
    const text = url instanceof URL ? url.href : url;
    if (typeof text !== 'string' || !text.trim()) return false;
    const target = new URL(text, pageUrl);
    if (target.username || target.password) return false;
    return target.protocol === pageUrl.protocol && target.origin === pageUrl.origin;
  } catch {
    return false;
  }
}
