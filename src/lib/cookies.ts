// Its own module: <sonet-login-form> asks it when the browser is idle, without the rest of
// capabilities.ts (re-exported there).

/**
 * Whether the page can set and read back a cookie: writes a first-party test cookie
 * (`SameSite=Lax`, path `/`), reads it back, and deletes it at once.
 *
 * `navigator.cookieEnabled` is not trusted: Safari reports `true` with "すべての Cookie をブロック"
 * on, and it says nothing about per-site blocks. Never throws: a sandboxed frame whose
 * `document.cookie` throws `SecurityError`, or no document at all, gives `false`.
 *
 * @example
 * ```ts
 * if (!cookiesWork()) showHelp('cookies-disabled');
 * ```
 */
export function cookiesWork(doc: Document | null | undefined = globalThis.document): boolean {
  if (!doc) return false;
  try {
    const name = `sonet_cookie_check_${Math.random().toString(36).slice(2, 10)}`;
    doc.cookie = `${name}=1; path=/; SameSite=Lax`;
    const works = String(doc.cookie).split(/;\s*/).includes(`${name}=1`);
    doc.cookie = `${name}=; path=/; max-age=0; SameSite=Lax`;
    return works;
  } catch {
    return false;
  }
}
