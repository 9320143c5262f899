/**
 * The So-net pages `<sonet-error-help>` links to, with their defaults. Each one can be
 * overridden with an attribute (see the element's JSDoc); an override that is not an http(s)
 * or relative URL falls back to the default.
 *
 * Only `support` (https://support.so-net.ne.jp/) is named by the support pages themselves
 * (「会員サポート (https://support.so-net.ne.jp/)」). Every other default is a GUESS that nobody
 * has confirmed against So-net's site: the README lists them under "Help links to confirm".
 * A page should set the attribute of each one it knows.
 */
export const ERROR_HELP_DEFAULT_LINKS = {
  /** ユーザーID / パスワードの確認や再設定(電話発信による本人認証)<個人会員のみ>. Guess. */
  reset: 'https://www.so-net.ne.jp/support/password/',
  /**
   * 「So-net ユーザーID 自動変更のご案内」というメールについて. Guess: a support page taken to be
   * the one on login failures, which links to it.
   */
  idChange: 'https://support.so-net.ne.jp/supportsitedetailpage?id=000010196',
  /** マイページ「各種サービスのログイン履歴」. Guess: My Page, taken to list the history. */
  loginHistory: 'https://www.so-net.ne.jp/retail/u/',
  /**
   * キャッシュ(インターネット一時ファイル)を削除する方法. Guess: the same support page as
   * `idChange`, taken to link to it.
   */
  cacheHelp: 'https://support.so-net.ne.jp/supportsitedetailpage?id=000010196',
  /**
   * コントロール パネルの表示方法を知りたい(Windows 8.1 / Windows 8). Guess: the same support page
   * as `idChange`; the support page on login errors links to this one.
   */
  controlPanelHelp: 'https://support.so-net.ne.jp/supportsitedetailpage?id=000010196',
  /** ID とパスワードを間違いなく入力する方法を知りたい. Guess. */
  inputHelp: 'https://support.so-net.ne.jp/supportsitedetailpage?id=000012311',
  /** 障害・メンテナンス情報. Guess. */
  maintenance: 'https://www.so-net.ne.jp/emerge/',
  /**
   * 会員サポート (its top right shows the nickname of a member who is logged in; the operator
   * chat is reached from it). Named by the support page.
   */
  support: 'https://support.so-net.ne.jp/',
} as const;

/** A page `<sonet-error-help>` links to. */
export type ErrorHelpLink = keyof typeof ERROR_HELP_DEFAULT_LINKS;

/** The link targets in use, after overrides. */
export type ErrorHelpLinks = Record<ErrorHelpLink, string>;
