import {html, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';

// What <sonet-login-form>'s first view and its behaviour module share (a separate module: the
// behaviour importing login-form.ts would pull it into the first load).

/** Default request timeout in ms (`timeout`). */
export const DEFAULT_LOGIN_TIMEOUT = 15000;

/**
 * The alerts area above the form: `content` (guidance, notices) and the form's polite status
 * region, which exists from the first view on so that what it says later is announced.
 */
export function alertsView(content: unknown, status: unknown): TemplateResult {
  return html`${content}<p class="sonet-login-form__status" role="status">${status}</p>`;
}

/** The submit button's text while a login is on its way. */
export function busyText(): string {
  return msg('ログインしています…', {id: 'login-form.busy'});
}
