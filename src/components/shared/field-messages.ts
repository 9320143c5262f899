import {msg, str} from '@lit/localize';
import type {FindingCode} from '../../lib/findings.js';
import {DEFAULT_USER_ID_DOMAIN} from '../../lib/user-id.js';

/**
 * A warning code shown next to a field: an analyser finding, Caps Lock being on, or the caution
 * shown while the password is visible.
 */
export type WarningCode = FindingCode | 'caps-lock' | 'reveal-caution';

/** Which field a message is for: the wording differs a little (the ID has an example). */
export type FieldKind = 'user-id' | 'password';

/**
 * The user ID's form, shown under it while there is nothing to warn about (in the room kept for
 * a hint): an ID and the mail address it belongs to, as the support page explains it.
 */
export function userIdExample(domain = DEFAULT_USER_ID_DOMAIN): string {
  return msg(str`例: taro_s@aa2 (メールアドレスが taro_s@aa2.${domain} の場合)`, {id: 'user-id.example'});
}

/**
 * The sentence shown for a warning. Never quotes password characters: warnings stay on screen
 * while the password is hidden, and screen readers would read them out.
 */
export function warningText(code: Exclude<WarningCode, 'reveal-caution'>, kind: FieldKind): string {
  const id = kind === 'user-id';
  switch (code) {
    case 'empty':
      return id
        ? msg('ユーザーID を入力してください。', {id: 'warning.empty-user-id'})
        : msg('ユーザーIDパスワードを入力してください。', {id: 'warning.empty-password'});
    case 'full-width':
      return msg('全角の文字が含まれています。半角英数字で入力してください。', {id: 'warning.full-width'});
    case 'kana':
      return msg('かなや漢字が含まれています。日本語入力をオフにして、半角英数字で入力してください。', {
        id: 'warning.kana',
      });
    case 'space':
      return msg('スペース (空白) が含まれています。', {id: 'warning.space'});
    case 'full-width-space':
      return msg('全角のスペース (空白) が含まれています。', {id: 'warning.full-width-space'});
    case 'edge-space':
      return msg('先頭または末尾にスペース (空白) があります。', {id: 'warning.edge-space'});
    case 'invisible':
      return msg('目に見えない文字 (制御文字など) が含まれています。', {id: 'warning.invisible'});
    case 'full-domain':
      return msg('「so-net.ne.jp」は不要です。ユーザーID は「taro_s@aa2」のように、@ の右側のサブドメインまでを入力してください。', {
        id: 'warning.full-domain',
      });
    case 'missing-subdomain':
      return msg('ユーザーID は「taro_s@aa2」のように、@ の右側のサブドメイン (aa2 など) までを入力してください。', {
        id: 'warning.missing-subdomain',
      });
    case 'invalid-user-id':
      return msg('ユーザーID の形になっていないようです。「taro_s@aa2」のような形でご入力ください。', {
        id: 'warning.invalid-user-id',
      });
    case 'caps-lock':
      return msg('Caps Lock がオンになっています。大文字と小文字は区別されます。', {id: 'warning.caps-lock'});
    case 'caps-lock-pattern':
      return msg('大文字と小文字が逆になっているかもしれません。Caps Lock の状態をご確認ください。', {
        id: 'warning.caps-lock-pattern',
      });
    case 'too-long':
      return msg('入力が長すぎるようです。貼り付けた内容が正しいかご確認ください。', {id: 'warning.too-long'});
    case 'look-alike':
      return msg('見分けにくい文字が含まれています。', {id: 'warning.look-alike'});
  }
}
