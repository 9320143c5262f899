/**
 * The So-net pages `<sonet-error-help>` links to, with their defaults. Each one can be
 * overridden with an attribute (see the element's JSDoc); an override that is not an http(s)
 * or relative URL falls back to the default.
 */
export const ERROR_HELP_DEFAULT_LINKS = {
  /** ユーザーID / パスワードの確認や再設定(電話発信による本人認証)<個人会員のみ>. */
  reset: 'https://www.so-net.ne.jp/support/password/',
  /**
   * 「So-net ユーザーID 自動変更のご案内」というメールについて. Default: the support page on login
   * failures, which links to it (override with the direct page when known).
   */
  idChange: 'https://support.so-net.ne.jp/supportsitedetailpage?id=000010196',
  /** マイページ「各種サービスのログイン履歴」. Default: My Page, where the history is listed. */
  loginHistory: 'https://www.so-net.ne.jp/retail/u/',
  /**
   * キャッシュ(インターネット一時ファイル)を削除する方法. Default: the support page on login
   * failures, which links to it (override with the direct page when known).
   */
  cacheHelp: 'https://support.so-net.ne.jp/supportsitedetailpage?id=000010196',
  /** ID とパスワードを間違いなく入力する方法を知りたい. */
  inputHelp: 'https://support.so-net.ne.jp/supportsitedetailpage?id=000012311',
  /** 障害・メンテナンス情報. */
  maintenance: 'https://www.so-net.ne.jp/emerge/',
  /** 会員サポート (its top right shows the nickname of a member who is logged in). */
  support: 'https://support.so-net.ne.jp/',
} as const;

/** A page `<sonet-error-help>` links to. */
export type ErrorHelpLink = keyof typeof ERROR_HELP_DEFAULT_LINKS;

/** The link targets in use, after overrides. */
export type ErrorHelpLinks = Record<ErrorHelpLink, string>;
