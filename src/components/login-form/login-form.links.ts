import {css} from 'lit';
import {msg} from '@lit/localize';
import {safeLinkHref} from '../../lib/link-href.js';
import {ERROR_HELP_DEFAULT_LINKS} from '../error-help/error-help.links.js';
import {adoptSonetStyles} from '../shared/adopt-styles.js';

// The help links below <sonet-login-form>'s form. Their own module, out of the first load: the
// element imports it right after its first frame (the links appear a moment after the form;
// `updateComplete` does not wait for them), the behaviour for the guidance's link targets.

/** The link attributes of `<sonet-login-form>` (author input: only http(s) or relative URLs pass). */
export interface LinkAttributes {
  resetHref: string;
  idChangeHref: string;
  loginHistoryHref: string;
  maintenanceHref: string;
}

/** The link targets in use: each attribute when it is a usable URL, else So-net's page. */
export interface LoginLinks {
  reset: string;
  idChange: string;
  loginHistory: string;
  maintenance: string;
}

/** The link targets of `el`: its link attributes where usable, So-net's pages otherwise. */
export function loginLinks(el: LinkAttributes): LoginLinks {
  const d = ERROR_HELP_DEFAULT_LINKS;
  return {
    reset: safeLinkHref(el.resetHref, d.reset),
    idChange: safeLinkHref(el.idChangeHref, d.idChange),
    loginHistory: safeLinkHref(el.loginHistoryHref, d.loginHistory),
    maintenance: safeLinkHref(el.maintenanceHref, d.maintenance),
  };
}

/** Styles of the links area (`part="links"`); same conventions as `fieldStyles`. */
export const loginLinksStyles = css`
  :where(.sonet-login-form__after) {
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }

  :where(.sonet-login-form__after:not(:empty)) {
    margin-block-start: 1.25rem;
  }

  :where(.sonet-links) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    max-inline-size: var(--sonet-field-max-width, 26em);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* The blue of focus rings (light and dark), not the browser's #0000ee. */
  :where(.sonet-links a) {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 0.125rem;
    color: var(--sonet-login-form-link-color, var(--_focus, LinkText));
  }
`;

/** The links' texts, in the current locale, in the order of {@link LoginLinks}. */
function linkTexts(): Array<[keyof LoginLinks, string]> {
  return [
    ['reset', msg('ユーザーID / パスワードの確認や再設定', {id: 'login-form.link.reset'})],
    ['idChange', msg('ユーザーID 自動変更のご案内', {id: 'login-form.link.id-change'})],
    ['loginHistory', msg('各種サービスのログイン履歴', {id: 'login-form.link.login-history'})],
    ['maintenance', msg('障害・メンテナンス情報', {id: 'login-form.link.maintenance'})],
  ];
}

/**
 * Renders the links of `host` (its attributes now, the current locale) into `area`: built once
 * with DOM calls and updated in place (a focused link keeps its focus; no template parts are
 * kept per form — they were a tenth of a form's memory).
 */
export function renderLoginLinks(host: HTMLElement & LinkAttributes, area: HTMLElement): void {
  adoptSonetStyles(host, loginLinksStyles);
  const links = loginLinks(host);
  let nav = area.querySelector(':scope > nav');
  if (!nav) {
    nav = document.createElement('nav');
    const list = nav.appendChild(document.createElement('ul'));
    list.className = 'sonet-links';
    for (let i = 0; i < 4; i++) list.appendChild(document.createElement('li')).appendChild(document.createElement('a'));
    area.replaceChildren(nav);
  }
  nav.setAttribute('aria-label', msg('ログインのヘルプ', {id: 'login-form.links.label'}));
  const anchors = nav.querySelectorAll('a');
  linkTexts().forEach(([key, text], i) => {
    const a = anchors[i]!;
    a.setAttribute('href', links[key]);
    if (a.textContent !== text) a.textContent = text;
  });
}
