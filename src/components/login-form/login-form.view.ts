import {msg} from '@lit/localize';

// What <sonet-login-form>'s first view and its behaviour module share (a separate module: the
// behaviour importing login-form.ts would pull it into the first load).

/** Default request timeout in ms (`timeout`). */
export const DEFAULT_LOGIN_TIMEOUT = 15000;

/** The submit button's text while a login is on its way. */
export function busyText(): string {
  return msg('ログインしています…', {id: 'login-form.busy'});
}
