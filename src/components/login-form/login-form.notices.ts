/**
 * What `<sonet-login-form>` shows around `<sonet-error-help>` after a failed login: the lockout
 * notice, the stale-autofill hint and the checklist of the seed pages' causes. Loaded with the
 * error help on first need (dynamic import), so none of this text is in the form's first load.
 *
 * Each one is a closed disclosure whose title says the point: they sit between the guidance and
 * the form, and the form has to stay within a screen of the guidance heading.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import type {LoginErrorCode} from '../../lib/login-response.js';

/** What the notices need to know about the failure. */
export interface FailureNoticeInput {
  code: LoginErrorCode;
  /** Consecutive credential failures in this tab. */
  failures: number;
  /** Failures after which the account is locked (目安), when the host configured one. */
  threshold: number | undefined;
  /** The failed attempt used values the browser filled in. */
  autofilled: boolean;
  links: {reset: string; idChange: string};
  /** Prefix of the ids of the notices' titles (unique per form). */
  idBase: string;
}

/** Codes after which the checklist of causes is shown (the member could not log in). */
const CHECKLIST_CODES: readonly LoginErrorCode[] = ['invalid-credentials', 'SS503', 'locked', 'unknown'];

function lockout(input: FailureNoticeInput): TemplateResult {
  const {failures, threshold, links} = input;
  return html`<details class="sonet-notice" part="notice lockout">
    <summary class="sonet-notice__title" id=${`${input.idBase}-lockout-title`}>
      ${msg(str`ログインに ${failures} 回続けて失敗しています`, {id: 'login-form.lockout.title'})}
    </summary>
    <p>
      ${threshold === undefined
        ? msg(
            'ID とパスワードの入力を複数回誤ると、一定期間ロックがかかり、ログインできなくなります。ロックがかかった場合、パスワードを再設定してもロックは解除されません。',
            {id: 'login-form.lockout.body-plain'}
          )
        : msg(
            str`ID とパスワードの入力を複数回 (目安として ${threshold} 回) 誤ると、一定期間ロックがかかり、ログインできなくなります。ロックがかかった場合、パスワードを再設定してもロックは解除されません。`,
            {id: 'login-form.lockout.body'}
          )}
    </p>
    <p>
      ${msg('正しいユーザーID やパスワードがわからない場合は、続けて試す前に確認・再設定をおこなってください。', {
        id: 'login-form.lockout.advice',
      })}
      <a href=${links.reset}>${msg('ユーザーID / パスワードの確認や再設定', {id: 'login-form.link.reset'})}</a>
    </p>
  </details>`;
}

function staleAutofill(input: FailureNoticeInput): TemplateResult {
  return html`<details class="sonet-notice" part="notice autofill">
    <summary class="sonet-notice__title" id=${`${input.idBase}-autofill-title`}>
      ${msg('ブラウザに保存された古い情報の可能性があります', {id: 'login-form.autofill.title'})}
    </summary>
    <p>
      ${msg(
        'ブラウザの ID / パスワード記憶機能で自動的に入力された内容は、ユーザーID やユーザーIDパスワードを変更しても更新されません。自動で入力された内容を一度削除し、手で入力してお試しください。',
        {id: 'login-form.autofill.body'}
      )}
    </p>
  </details>`;
}

function checklist(input: FailureNoticeInput): TemplateResult {
  const {links} = input;
  return html`<details class="sonet-notice" data-kind="info" part="notice checklist">
    <summary class="sonet-notice__title">${msg('ログインできないときの確認事項', {id: 'login-form.checklist.title'})}</summary>
    <ul>
      <li>
        ${msg('ユーザーID とユーザーIDパスワードは、すべて半角英数字で入力してください。全角文字やスペース (空白) が入っていると、エラーとなることがございます。', {
          id: 'login-form.checklist.half-width',
        })}
      </li>
      <li>
        ${msg('アルファベットの大文字と小文字は区別されます。Caps Lock がオンになっていないかご確認ください。', {
          id: 'login-form.checklist.case',
        })}
      </li>
      <li>
        ${msg('ユーザーID は「taro_s@aa2.so-net.ne.jp」のようなフルドメインや「taro_s」のようなユーザー名のみではなく、「taro_s@aa2」のように @ の右側のサブドメインまでを入力してください。', {
          id: 'login-form.checklist.id-format',
        })}
      </li>
      <li>
        ${msg('ブラウザが自動で入力した ID やパスワードは、古い情報の場合があります。手で入力してお試しください。', {
          id: 'login-form.checklist.saved',
        })}
      </li>
      <li>
        ${msg('ID とパスワードの入力を何度も続けて誤ると、一定期間ロックがかかります。ロックがかかった場合、パスワードを再設定しても解除されませんので、時間をおいてから再度お試しください。', {
          id: 'login-form.checklist.locked',
        })}
      </li>
      <li>
        ${msg('セキュリティ強化のため、ユーザーID が自動で変更されている場合があります (対象の方には事前にメールでお知らせしています)。', {
          id: 'login-form.checklist.id-change',
        })}
        <a href=${links.idChange}>${msg('ユーザーID 自動変更のご案内', {id: 'login-form.link.id-change'})}</a>
      </li>
    </ul>
  </details>`;
}

/**
 * The notices for a failure, in a fixed order (WCAG 3.2.6), each a closed disclosure: lockout
 * (from the second consecutive credential failure), stale autofill, checklist. None says which
 * field was wrong. The checklist never names a wait (「数時間」): the guidance above shows the
 * server's own.
 */
export function renderFailureNotices(input: FailureNoticeInput): TemplateResult {
  const credentials = input.code === 'invalid-credentials';
  return html`${credentials && input.failures >= 2 ? lockout(input) : nothing}${
    credentials && input.autofilled ? staleAutofill(input) : nothing
  }${CHECKLIST_CODES.includes(input.code) ? checklist(input) : nothing}`;
}
