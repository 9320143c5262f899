/**
 * The guidance `<sonet-error-help>` shows for each login failure: numbered steps, written from
 * the So-net support pages 「ログイン時にエラーが表示される」 and 「So-net のマイページや手続き画面に
 * ログインできない」 (see /work/shared/seeds/).
 *
 * This module is the big one (every step in two languages), so the element loads it with a
 * dynamic `import()` on first render and the login form's first load stays small.
 *
 * Every text is a function that calls `msg()` when the element renders, so switching the
 * locale re-renders the steps in the new language. Steps that several failures share are one
 * object used in several tables (one message id each, no copies), and the per-browser cookie /
 * JavaScript steps are one table ({@link BROWSER_STEP_SETS}) that `500`, `cookies-disabled` and
 * `javascript-disabled` all filter.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import type {CountdownState} from '../../controllers/countdown-controller.js';
import type {BrowserFamily, BrowserInfo} from '../../lib/capabilities.js';
import {displayServerCode, type LoginErrorCode} from '../../lib/login-response.js';
import {waitLeft} from '../../lib/retry-time.js';
import type {ErrorHelpLink, ErrorHelpLinks} from './error-help.links.js';

export {guidanceStyles} from './guidance.styles.js';

/** A text rendered at render time in the current locale. */
type Text = () => string;

/** What a browser step is about: reaching the settings, cookies, or JavaScript. */
export type BrowserStepTopic = 'nav' | 'cookies' | 'javascript';

/** Which browser settings a step asks for. */
export type BrowserTopics = 'cookies' | 'javascript' | 'both';

/** A link under a browser step (a support page the step refers to). */
export interface BrowserStepLink {
  readonly to: ErrorHelpLink;
  readonly label: Text;
}

/** One browser step: what it is about, its text, and optionally a link. */
export type BrowserStep = readonly [BrowserStepTopic, Text] | readonly [BrowserStepTopic, Text, BrowserStepLink];

/** The steps to allow cookies and JavaScript in one browser. */
export interface BrowserStepSet {
  /** Stable key, rendered as `data-browser` on the disclosure. */
  readonly id: string;
  /** The detected browser families these steps are for. */
  readonly families: readonly BrowserFamily[];
  readonly title: Text;
  /** A sentence shown before the steps. */
  readonly note?: Text;
  /** `[topic, text, link?]`: `nav` steps are shown for either topic. */
  readonly steps: readonly BrowserStep[];
}

/** One numbered step. */
export interface HelpStep {
  readonly text: Text;
  /** Sentences under the step (cautions, background). */
  readonly notes?: readonly Text[];
  readonly link?: {readonly to: ErrorHelpLink; readonly label: Text};
  /** Where the element's retry countdown goes. */
  readonly countdown?: true;
  /**
   * Said instead of `text` when the retry time is known and the countdown shows it, so the
   * step never contradicts the server's wait (「数時間」 beside a ten-minute countdown).
   */
  readonly knownWait?: Text;
  /** Which per-browser steps go under this step. */
  readonly browsers?: BrowserTopics;
}

/** The guidance for one failure. */
export interface Guidance {
  /** What happened, in one or two sentences. */
  readonly lead: Text;
  readonly steps: readonly HelpStep[];
  /**
   * How many of `steps` show up front: the ones most likely to help for this failure. The rest
   * wait behind a disclosure, so the form stays within a screen of the heading (GOV.UK's error
   * summary: say what to do first, briefly, next to what to fix).
   */
  readonly first: 1 | 2 | 3;
}

/** What {@link renderGuidance} needs from the element. */
export interface GuidanceContext {
  code: LoginErrorCode;
  links: ErrorHelpLinks;
  /** The member's browser, whose steps open first. */
  browser: BrowserFamily;
  /** True on Windows: with no matching browser, the Internet Options steps open first. */
  windows: boolean;
  /**
   * The retry countdown, for steps that have one (`SS503`, `locked`, `maintenance`), and the time
   * of day it ends when that is worth showing (`retryClockTime()`).
   */
  countdown: {state: CountdownState; remaining: number; at?: {at: number; sameDay: boolean}};
  /** Facts for the support box. */
  support: SupportFacts;
  /** Locale for dates (`ja-JP`, `en`). */
  intlLocale: string;
  /** Called when the copy button is pressed. */
  onCopy: () => void;
}

/** What the support box shows. Nothing secret: no user ID, password, token or full user agent (ASVS 7.4.1). */
export interface SupportFacts {
  /** The code as shown to the member. */
  code: string;
  /** The code the server sent, untrusted text; shown only when it is a known code. */
  serverCode: string;
  /** When the failure happened. */
  occurred: Date;
  /** The browser family in use (after the `browser` override). */
  family: BrowserFamily;
  /** True when `family` comes from the `browser` attribute rather than detection. */
  overridden: boolean;
  /** The detected browser. */
  info: BrowserInfo | undefined;
}

// ---------------------------------------------------------------------------------------------
// Per-browser steps: 「コード:500」 3/3 (seed 2) and the privacy settings of seed 1.

/**
 * How to allow cookies and JavaScript, per browser: only the browsers the support pages give
 * steps for. Microsoft Edge, Mac Safari, iOS Safari and Android Chrome follow 「コード:500」 3/3;
 * the Windows Internet Options steps are the privacy settings' 1/5–5/5. Other browsers (desktop
 * Chrome, Firefox) get the general step without menu paths nobody checked against the pages.
 */
export const BROWSER_STEP_SETS = [
  {
    id: 'edge',
    families: ['edge'],
    title: () => 'Microsoft Edge',
    steps: [
      ['nav', () => msg('Microsoft Edge を開き、画面右上の「…」(設定など) ボタンを選択します。', {id: 'help.browser.edge.open'})],
      ['nav', () => msg('メニューの「設定」を選択します。', {id: 'help.browser.edge.settings'})],
      ['nav', () => msg('「Cookie とサイトのアクセス許可」を選択します。', {id: 'help.browser.edge.permissions'})],
      [
        'cookies',
        () =>
          msg(
            '「Cookie とサイト データの管理と削除」を選択し、「Cookie データの保存と読み取りをサイトに許可する (推奨)」をオンにします。',
            {id: 'help.browser.edge.cookies'}
          ),
      ],
      [
        'javascript',
        () =>
          msg('「Cookie とサイトのアクセス許可」の画面で、「すべてのアクセス許可」の中の「JavaScript」を選択します。', {
            id: 'help.browser.edge.javascript',
          }),
      ],
      ['javascript', () => msg('「許可 (推奨)」をオンにします。', {id: 'help.browser.edge.javascript-allow'})],
    ],
  },
  {
    id: 'safari-mac',
    families: ['safari-mac'],
    title: () => msg('Safari (Mac)', {id: 'help.browser.safari-mac.title'}),
    note: () =>
      msg('項目の名前や場所は、Safari のバージョンによって少し異なる場合があります。', {
        id: 'help.browser.safari-mac.note',
      }),
    steps: [
      [
        'nav',
        () =>
          msg('Safari を開き、メニューバーの「Safari」から「環境設定」を選択します。', {
            id: 'help.browser.safari-mac.open',
          }),
      ],
      [
        'javascript',
        () =>
          msg('「セキュリティ」を選択し、「JavaScript を有効にする」にチェックを入れます。', {
            id: 'help.browser.safari-mac.javascript',
          }),
      ],
      [
        'cookies',
        () =>
          msg('「プライバシー」を選択し、「すべての Cookie をブロック」のチェックを外します。', {
            id: 'help.browser.safari-mac.cookies',
          }),
      ],
    ],
  },
  {
    id: 'safari-ios',
    families: ['safari-ios'],
    title: () => msg('Safari (iPhone / iPad)', {id: 'help.browser.safari-ios.title'}),
    steps: [
      ['nav', () => msg('「設定」アプリを開きます。', {id: 'help.browser.safari-ios.open'})],
      [
        'nav',
        () => msg('「Safari」を選択します。', {id: 'help.browser.safari-ios.safari'}),
      ],
      ['cookies', () => msg('「すべての Cookie をブロック」をオフにします。', {id: 'help.browser.safari-ios.cookies'})],
      ['javascript', () => msg('画面の下のほうにある「詳細」を選択します。', {id: 'help.browser.safari-ios.advanced'})],
      ['javascript', () => msg('「JavaScript」をオンにします。', {id: 'help.browser.safari-ios.javascript'})],
    ],
  },
  {
    id: 'android-chrome',
    families: ['android-chrome'],
    title: () => msg('Chrome (Android)', {id: 'help.browser.android-chrome.title'}),
    steps: [
      ['nav', () => msg('Chrome を開きます。', {id: 'help.browser.android-chrome.open'})],
      [
        'nav',
        () => msg('画面右上の「︙」(その他のオプション) ボタンを選択します。', {id: 'help.browser.android-chrome.menu'}),
      ],
      ['nav', () => msg('「設定」を選択します。', {id: 'help.browser.android-chrome.settings'})],
      ['nav', () => msg('「サイトの設定」を選択します。', {id: 'help.browser.android-chrome.site-settings'})],
      ['cookies', () => msg('「Cookie」を選択します。', {id: 'help.browser.android-chrome.cookies'})],
      [
        'cookies',
        () =>
          msg('「すべての Cookie をブロックする」以外の項目を選択します。', {
            id: 'help.browser.android-chrome.cookies-allow',
          }),
      ],
      [
        'javascript',
        () => msg('「サイトの設定」の画面で「JavaScript」を選択します。', {id: 'help.browser.android-chrome.javascript'}),
      ],
      [
        'javascript',
        () =>
          msg('「サイトに JavaScript の実行を許可する (推奨)」をオンにします。', {
            id: 'help.browser.android-chrome.javascript-allow',
          }),
      ],
    ],
  },
  {
    id: 'internet-options',
    families: [],
    title: () => msg('Windows のインターネット オプション', {id: 'help.browser.internet-options.title-short'}),
    note: () =>
      msg(
        'インターネット ゾーンを「中-高」に、Cookie を「受け入れる」(承諾する) に設定します。どちらも初期状態の値です。',
        {id: 'help.browser.internet-options.note'}
      ),
    steps: [
      [
        'cookies',
        () => msg('スタートボタンから「コントロール パネル」を選択します。', {id: 'help.browser.internet-options.start'}),
        {
          to: 'controlPanelHelp',
          label: () =>
            msg('Windows 8.1 / Windows 8 でのコントロール パネルの表示方法', {
              id: 'help.link.control-panel-help',
            }),
        },
      ],
      [
        'cookies',
        () =>
          msg(
            '「ネットワークとインターネット」を選択します。画面右上の「表示方法」が「カテゴリ」になっていることをご確認ください。',
            {id: 'help.browser.internet-options.network'}
          ),
      ],
      ['cookies', () => msg('「インターネット オプション」を選択します。', {id: 'help.browser.internet-options.open'})],
      [
        'cookies',
        () =>
          msg(
            '「プライバシー」タブを選択し、「設定」の枠内の「インターネット ゾーンの設定を選択してください」を「中-高」にして、「詳細設定(V)」ボタンを選択します。画面の名前は「インターネットのプロパティ」と表示される場合もあります。',
            {id: 'help.browser.internet-options.privacy'}
          ),
      ],
      [
        'cookies',
        () =>
          msg(
            '「プライバシーの詳細設定」の画面で「自動 Cookie 処理を上書きする(O)」にチェックを入れ、「ファースト パーティの Cookie」と「サード パーティの Cookie」をどちらも「受け入れる」(「承諾する」と表示される場合もあります) にして、「OK」ボタンで画面を閉じます。',
            {id: 'help.browser.internet-options.cookies'}
          ),
      ],
    ],
  },
] as const satisfies readonly BrowserStepSet[];

/** Key of a per-browser step set. */
export type BrowserStepSetId = (typeof BROWSER_STEP_SETS)[number]['id'];

/**
 * The step sets that cover `topics`, the member's own first (`primary`, or `undefined` when no
 * set matches the browser), each with only the steps for `topics`.
 */
export function browserStepsFor(
  topics: BrowserTopics,
  browser: BrowserFamily,
  windows: boolean
): {primary: BrowserStepSet | undefined; sets: BrowserStepSet[]} {
  const wanted = (topic: BrowserStepTopic) => topic === 'nav' || topics === 'both' || topic === topics;
  const sets: BrowserStepSet[] = [];
  for (const set of BROWSER_STEP_SETS as readonly BrowserStepSet[]) {
    // A set with no step for the topic (Internet Options has no JavaScript step) is left out.
    if (!set.steps.some(([topic]) => topic !== 'nav' && wanted(topic))) continue;
    sets.push({...set, steps: set.steps.filter(([topic]) => wanted(topic))});
  }
  let primary = sets.find((set) => set.families.includes(browser));
  // An unrecognized browser on Windows is most likely one that follows Internet Options.
  if (!primary && browser === 'other' && windows) primary = sets.find((set) => set.id === 'internet-options');
  return {primary, sets: primary ? [primary, ...sets.filter((set) => set !== primary)] : sets};
}

// ---------------------------------------------------------------------------------------------
// Steps shared by several failures (one message id each).

const typeCarefully: HelpStep = {
  text: () =>
    msg(
      '次のログインで再び失敗しないよう、ユーザーID とパスワードは半角英数字で、大文字と小文字の違いに注意して入力してください。',
      {id: 'help.common.type-carefully'}
    ),
  link: {to: 'inputHelp', label: () => msg('ID とパスワードを間違いなく入力する方法', {id: 'help.link.input-help'})},
};

const checkMaintenance: HelpStep = {
  text: () =>
    msg('「障害・メンテナンス情報」で、障害が起きていないか、メンテナンス中でないかをご確認ください。', {
      id: 'help.common.check-maintenance',
    }),
  link: {to: 'maintenance', label: () => msg('障害・メンテナンス情報', {id: 'help.link.maintenance'})},
};

const retryLater: HelpStep = {
  text: () => msg('少し時間を置いてから、もう一度ログインをお試しください。', {id: 'help.common.retry-later'}),
};

const cacheLink = {
  to: 'cacheHelp',
  label: () => msg('キャッシュ (インターネット一時ファイル) を削除する方法', {id: 'help.link.cache-help'}),
} as const;

const supportLink = {to: 'support', label: () => msg('会員サポート', {id: 'help.link.support'})} as const;

const clearCache: HelpStep = {
  text: () =>
    msg('以前に表示した Web ページのデータ (キャッシュ) を削除してから、もう一度お試しください。', {
      id: 'help.common.clear-cache',
    }),
  link: cacheLink,
};

const restartDevice: HelpStep = {
  text: () =>
    msg(
      'それでも改善しない場合は、パソコンやスマートフォンを再起動してください。機器の一時的な不具合は、再起動で直ることがあります。',
      {id: 'help.common.restart'}
    ),
  notes: [
    () =>
      msg(
        'Windows 10 以降では、「再起動」を選ぶか、「Shift」キーを押しながら「シャットダウン」を選ぶ「完全シャットダウン」をおこなってください。',
        {id: 'help.common.restart.windows'}
      ),
    () =>
      msg(
        'Windows 10 以降では「高速スタートアップ」(パソコンの起動を速くするため、シャットダウンの際に一部の状態を保存しておく機能) が有効になっていることが多く、通常の「シャットダウン」では保存した状態が次の起動に引き継がれます。「再起動」と完全シャットダウンでは状態を保存しないため、一時的な不具合が解消されやすくなります。',
        {id: 'help.common.restart.fast-startup'}
      ),
  ],
};

const askOperator: HelpStep = {
  text: () =>
    msg(
      'それでも解決しない場合は、会員サポートの「オペレーターとチャットで解決」から、オペレーターにご相談いただけます (個人会員のみ、受付時間 9:00～18:00)。その際、下の「サポート用の情報」をお伝えいただくと、スムーズにご案内できます。',
      {id: 'help.common.operator-chat'}
    ),
  link: {to: 'support', label: () => msg('会員サポート (オペレーターとのチャット)', {id: 'help.link.operator-chat'})},
};

// ---------------------------------------------------------------------------------------------
// The guidance per failure.

/** The guidance for every failure code. */
export const GUIDANCE = {
  SS503: {
    lead: () =>
      msg(
        'ユーザーID やパスワードの誤入力などで、ログインの失敗が一定回数を超えたため、一時的にアクセスが制限されています。',
        {id: 'help.ss503.lead'}
      ),
    steps: [
      {
        text: () => msg('しばらく時間を置いてから、もう一度ログインをお試しください。', {id: 'help.ss503.wait'}),
        knownWait: () =>
          msg('下の待ち時間が過ぎたら、もう一度ログインをお試しください。', {id: 'help.ss503.wait-known'}),
        countdown: true,
      },
      typeCarefully,
      askOperator,
    ],
    first: 1,
  },
  ce500: {
    lead: () =>
      msg('ログインのあとで、本来表示したかったページへうまく移動できなかった可能性があります。', {
        id: 'help.ce500.lead',
      }),
    steps: [
      {
        text: () =>
          msg('ブラウザの「戻る」ボタンなどで、いったん前のページに戻ってください。', {id: 'help.ce500.back'}),
      },
      {
        text: () =>
          msg('表示したいページを、そのページへのリンクなどから、もう一度開いてください。', {
            id: 'help.ce500.open-again',
          }),
      },
      {
        text: () =>
          msg('改善しない場合は、ブラウザのキャッシュ (インターネット一時ファイル) を削除してから、もう一度お試しください。', {
            id: 'help.ce500.clear-cache',
          }),
        link: cacheLink,
      },
      askOperator,
    ],
    // Back, then open the page again; the cache only when that does not help.
    first: 2,
  },
  500: {
    lead: () =>
      msg(
        '以前に表示した Web ページのデータ (キャッシュ) が残っていることや、ブラウザのセキュリティ設定が高くなっていることが原因の可能性があります。次の手順を順番にお試しください。',
        {id: 'help.500.lead'}
      ),
    steps: [
      {
        text: () =>
          msg(
            '「会員サポート」のページを開き、画面右上にニックネームが表示されているかご確認ください。表示されている場合はすでにログインしている状態ですので、一度ログアウトしてから、もう一度お試しください。',
            {id: 'help.500.logged-in'}
          ),
        link: supportLink,
      },
      clearCache,
      {
        text: () =>
          msg(
            'ここまでの手順で改善しない場合は、お使いのブラウザ (Web サイトを見るためのソフトやアプリ) の設定で、Cookie と JavaScript を有効にしてください。',
            {id: 'help.500.privacy'}
          ),
        browsers: 'both',
      },
      askOperator,
    ],
    // Logged in already? is the support page's 1/3; the cache and the browser settings follow.
    first: 1,
  },
  'invalid-credentials': {
    lead: () =>
      // The heading already says the ID or the password is wrong (never which one).
      msg('次の点をご確認のうえ、もう一度ログインをお試しください。', {id: 'help.credentials.lead-short'}),
    steps: [
      {
        text: () =>
          msg(
            'すべて半角英数字で入力してください。大文字と小文字は区別されます。全角文字やスペース (空白) が入っていると、エラーになることがあります。',
            {id: 'help.credentials.half-width-short'}
          ),
      },
      {
        text: () =>
          msg(
            'ユーザーID は taro_s@aa2 のように、@ の右側のサブドメインまで入力してください。taro_s@aa2.so-net.ne.jp や taro_s では、ログインできません。',
            {id: 'help.credentials.subdomain-short'}
          ),
      },
      {
        text: () =>
          msg(
            'ブラウザが ID やパスワードを自動で入力している場合は、いったん消して、手で入力し直してください。ブラウザが記憶している内容は古い場合があり、ユーザーID やパスワードを変更しても、記憶された内容には反映されません。',
            {id: 'help.credentials.autofill'}
          ),
      },
      {
        text: () =>
          msg(
            '入力した文字が正しいか、目で見て確かめてください。パスワード入力欄の表示の切り替え (「パスワードを表示」や「隠れているパスワードを表示して確認する」など) を使うと、「*」や「●」で隠れている文字を確認できます。',
            {id: 'help.credentials.show-password'}
          ),
        notes: [
          () =>
            msg(
              'パスワードを表示するときは、周りに人がいないことを確かめてください。また、この機能を使うには、ブラウザの Cookie と JavaScript を有効にしておく必要があります。',
              {id: 'help.credentials.show-password.caution'}
            ),
          () =>
            msg(
              '「メモ帳」などにいったんパスワードを入力し、正しいことを確かめてからコピーして、パスワード入力欄に貼り付ける (コピー&ペースト) 方法でも、入力の誤りを防げます。貼り付けたあとは、メモ帳の内容を保存せずに閉じてください。',
              {id: 'help.credentials.copy-paste'}
            ),
        ],
        link: typeCarefully.link,
      },
      {
        text: () =>
          msg(
            'それでもログインできない場合は、覚えているユーザーID やパスワードが、登録されているものと違う可能性があります。例えば、以前に変更したことを忘れている場合や、変更したときに「I」(大文字のアイ) のつもりで「l」(小文字のエル) を登録していた場合などです。ユーザーID の確認やパスワードの再設定をしてから、もう一度お試しください。',
            {id: 'help.credentials.differs'}
          ),
        notes: [
          () =>
            msg(
              'お客さま用の本人認証用電話番号に電話をかけると、Web 上ですぐにユーザーID の確認やパスワードの再設定ができます (個人会員のみ)。',
              {id: 'help.credentials.phone'}
            ),
        ],
        link: {
          to: 'reset',
          label: () =>
            msg('ユーザーID / パスワードの確認や再設定 (電話発信による本人認証・個人会員のみ)', {
              id: 'help.link.reset',
            }),
        },
      },
      {
        text: () =>
          msg(
            'セキュリティ強化のため、一部のお客さまのユーザーID を自動で変更しています。対象のお客さまには事前にメールでお知らせしていますので、「So-net ユーザーID 自動変更のご案内」というメールが届いていないかご確認ください。変更後のユーザーID がわからない場合は、ひとつ前の手順でユーザーID をご確認ください。',
            {id: 'help.credentials.id-changed'}
          ),
        link: {
          to: 'idChange',
          label: () => msg('「So-net ユーザーID 自動変更のご案内」メールについて', {id: 'help.link.id-change'}),
        },
      },
      {
        text: () =>
          msg(
            'ログインできたら、マイページの「各種サービスのログイン履歴」で、So-net の各サービスへのログイン履歴を確認できます。身に覚えのないログインがないか、ご確認ください。',
            {id: 'help.credentials.history'}
          ),
        link: {
          to: 'loginHistory',
          label: () => msg('マイページ「各種サービスのログイン履歴」', {id: 'help.link.login-history'}),
        },
      },
      askOperator,
    ],
    // How it was typed: the support page's first cause. The subdomain and autofill follow (the
    // form also warns of a missing subdomain as the member types).
    first: 1,
  },
  locked: {
    lead: () =>
      msg('ユーザーID とパスワードの入力を何度か誤ったため、一定期間ロックがかかっています。', {
        id: 'help.locked.lead',
      }),
    steps: [
      {
        text: () => msg('数時間おいてから、もう一度ログインをお試しください。', {id: 'help.locked.wait'}),
        knownWait: () =>
          msg('下の待ち時間が過ぎてロックが解除されたら、もう一度ログインをお試しください。', {
            id: 'help.locked.wait-known',
          }),
        countdown: true,
      },
      {
        text: () =>
          msg('パスワードを再設定しても、ロックは解除されません。ロックが解除されるまでお待ちください。', {
            id: 'help.locked.reset-does-not-help',
          }),
      },
      typeCarefully,
      askOperator,
    ],
    first: 2,
  },
  maintenance: {
    lead: () =>
      msg('障害やメンテナンスのため、ログイン画面が正常に動作しない場合があります。', {id: 'help.maintenance.lead'}),
    steps: [
      checkMaintenance,
      {
        text: () =>
          msg('障害の復旧やメンテナンスの終了をお待ちいただき、そのあとで、もう一度ログインをお試しください。', {
            id: 'help.maintenance.wait',
          }),
        countdown: true,
      },
      askOperator,
    ],
    first: 2,
  },
  network: {
    lead: () =>
      msg('通信がうまくいかず、ログインの処理を完了できませんでした。', {id: 'help.network.lead'}),
    steps: [
      {
        text: () => msg('インターネットに接続されているかご確認ください。', {id: 'help.network.connection'}),
      },
      retryLater,
      checkMaintenance,
      restartDevice,
      askOperator,
    ],
    first: 3,
  },
  'cookies-disabled': {
    lead: () =>
      msg('ログインの状態を保つため、So-net へのログインには Cookie が必要です。', {id: 'help.cookies.lead'}),
    steps: [
      {
        text: () => msg('お使いのブラウザの設定で、Cookie を有効にしてください。', {id: 'help.cookies.enable'}),
        browsers: 'cookies',
      },
      askOperator,
    ],
    first: 1,
  },
  'javascript-disabled': {
    lead: () =>
      msg(
        'JavaScript が無効でもログインはできますが、入力の誤りをその場でお知らせする機能や、隠れているパスワードを表示して確認する機能には、JavaScript が必要です。',
        {id: 'help.javascript.needed-for'}
      ),
    steps: [
      {
        text: () =>
          msg('お使いのブラウザの設定で、JavaScript を有効にしてください。', {id: 'help.javascript.enable'}),
        browsers: 'javascript',
      },
      askOperator,
    ],
    first: 1,
  },
  unknown: {
    lead: () =>
      msg('原因を特定できないエラーが発生しました。次の手順を順番にお試しください。', {id: 'help.unknown.lead'}),
    steps: [
      checkMaintenance,
      retryLater,
      clearCache,
      restartDevice,
      askOperator,
    ],
    first: 2,
  },
} as const satisfies Record<LoginErrorCode, Guidance>;

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * The per-browser disclosures, the member's browser first. Behind the other steps' disclosure,
 * the member's own opens by itself; up front, every one stays closed and no note goes before
 * them, so the form stays within a screen of the heading whatever the browser.
 */
function renderBrowserSteps(topics: BrowserTopics, ctx: GuidanceContext, upFront: boolean): TemplateResult {
  const {primary, sets} = browserStepsFor(topics, ctx.browser, ctx.windows);
  return html`<div part="browser-steps" class="browser-steps">
    ${upFront
      ? nothing
      : html`<p class="note">
          ${primary
            ? msg('お使いのブラウザの手順を最初に開いています。ほかのブラウザの手順は、名前を選ぶと開きます。', {
                id: 'help.browsers.primary-first',
              })
            : msg('お使いのブラウザの名前を選ぶと、手順が開きます。', {id: 'help.browsers.choose'})}
        </p>`}
    ${sets.map(
      (set) => html`<details class="browser" data-browser=${set.id} ?open=${set === primary && !upFront}>
        <summary>
          ${set.title()} ${set === primary
            ? html`<span class="yours">${msg('(お使いのブラウザ)', {id: 'help.browsers.yours'})}</span>`
            : nothing}
        </summary>
        ${set.note ? html`<p class="note">${set.note()}</p>` : nothing}
        <ol class="browser-list">
          ${set.steps.map(
            ([, text, link]) =>
              html`<li>
                ${text()}${link ? html`<br /><a href=${ctx.links[link.to]}>${link.label()}</a>` : nothing}
              </li>`
          )}
        </ol>
        <p class="note">
          ${msg('設定を変更したら、このページを再読み込みして、もう一度ログインをお試しください。', {
            id: 'help.browsers.reload',
          })}
        </p>
      </details>`
    )}
  </div>`;
}

function renderStep(step: HelpStep, ctx: GuidanceContext, upFront: boolean): TemplateResult {
  const waitShown = step.countdown && ctx.countdown.state !== 'idle';
  return html`<li part="step" class="step">
    <p>${waitShown && step.knownWait ? step.knownWait() : step.text()}</p>
    ${step.notes ? step.notes.map((note) => html`<p class="note">${note()}</p>`) : nothing}
    ${step.link
      ? html`<p class="link"><a href=${ctx.links[step.link.to]}>${step.link.label()}</a></p>`
      : nothing}
    ${step.countdown ? renderCountdown(ctx) : nothing}
    ${step.browsers ? renderBrowserSteps(step.browsers, ctx, upFront) : nothing}
  </li>`;
}

/**
 * The lead sentence, the steps most likely to help for `ctx.code` (`Guidance.first`), and the
 * other steps behind a disclosure that keeps the numbering going. The disclosure is always in
 * the same place, after the first steps and before the support box (WCAG 3.2.6).
 */
export function renderGuidance(ctx: GuidanceContext): TemplateResult {
  const guidance: Guidance = GUIDANCE[ctx.code] ?? GUIDANCE.unknown;
  const first = guidance.steps.slice(0, guidance.first);
  const rest = guidance.steps.slice(guidance.first);
  return html`<p part="lead" class="lead">${guidance.lead()}</p>
    <ol part="steps" class="steps">
      ${first.map((step) => renderStep(step, ctx, true))}
    </ol>
    ${rest.length
      ? html`<details part="more" class="more">
          <summary>${msg(str`ほかの手順 (${rest.length} 件)`, {id: 'help.more-steps-short'})}</summary>
          <ol part="steps" class="steps" start=${first.length + 1}>
            ${rest.map((step) => renderStep(step, ctx, false))}
          </ol>
        </details>`
      : nothing}`;
}

/** 「あと 9 分 57 秒」 / "9 min 57 s left": the units `waitLeft()` chose, zero units left out. */
function waitText(ms: number): string {
  const left = waitLeft(ms);
  switch (left.kind) {
    case 'minutes':
      return left.seconds
        ? msg(str`あと ${left.minutes} 分 ${left.seconds} 秒`, {id: 'help.wait.minutes-seconds'})
        : msg(str`あと ${left.minutes} 分`, {id: 'help.wait.minutes'});
    case 'hours':
      return left.minutes
        ? msg(str`あと ${left.hours} 時間 ${left.minutes} 分`, {id: 'help.wait.hours-minutes'})
        : msg(str`あと ${left.hours} 時間`, {id: 'help.wait.hours'});
    default: {
      const seconds = left.kind === 'seconds' ? left.seconds : 0;
      return msg(str`あと ${seconds} 秒`, {id: 'help.wait.seconds'});
    }
  }
}

/** 「(14:05 ごろ)」, or 「(1月3日 2:00 ごろ)」 on another day: when the wait ends, on the member's clock. */
function renderRetryClock(at: {at: number; sameDay: boolean}, intlLocale: string): TemplateResult {
  const options: Intl.DateTimeFormatOptions = at.sameDay
    ? {hour: 'numeric', minute: '2-digit'}
    : {month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit'};
  const date = new Date(at.at);
  const time = new Intl.DateTimeFormat(intlLocale, options).format(date);
  return html`<span class="retry-at">${msg(str`(${time} ごろ)`, {id: 'help.wait.around'})}</span>`;
}

function renderCountdown({countdown, intlLocale}: GuidanceContext): TemplateResult | typeof nothing {
  if (countdown.state === 'idle') return nothing;
  if (countdown.state === 'done') {
    return html`<p part="countdown" class="countdown">
      ${msg('もう一度ログインをお試しいただけます。', {id: 'help.countdown.done'})}
    </p>`;
  }
  // Not a live region: the element announces the start and the end once, in its own region.
  // Words, not a clock reading: 「9:57」 reads as a time of day.
  return html`<p part="countdown" class="countdown">
    ${msg('もう一度お試しいただけるまで', {id: 'help.countdown.until'})}
    <time class="left" datetime=${`PT${Math.ceil(countdown.remaining / 1000)}S`}>${waitText(countdown.remaining)}</time>
    ${countdown.at ? renderRetryClock(countdown.at, intlLocale) : nothing}
  </p>`;
}

// ---------------------------------------------------------------------------------------------
// Information for support

function familyLabel(family: BrowserFamily): string {
  switch (family) {
    case 'edge':
      return 'Microsoft Edge';
    case 'chrome':
      return 'Google Chrome';
    case 'firefox':
      return 'Mozilla Firefox';
    case 'safari-mac':
      return 'Safari (macOS)';
    case 'safari-ios':
      return 'Safari (iOS)';
    case 'android-chrome':
      return 'Chrome (Android)';
    case 'samsung':
      return 'Samsung Internet';
    default:
      return msg('その他のブラウザ', {id: 'help.support.other-browser'});
  }
}

/** Control characters removed and the length capped: server and detection text is shown as text, briefly. */
function plainText(value: string | null | undefined, max = 64): string {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, max) : '';
}

/** Label and value of each line of the support box, as plain text. */
export function supportRows(ctx: GuidanceContext): Array<[string, string]> {
  const {code, serverCode, occurred, family, overridden, info} = ctx.support;
  const browser =
    overridden || !info?.name ? familyLabel(family) : plainText(`${info.name}${info.version ? ` ${info.version}` : ''}`);
  const rows: Array<[string, string]> = [[msg('エラーコード', {id: 'help.support.code'}), code]];
  // Known codes only: a raw code can tell which of the ID or the password was wrong, or carry
  // what was typed (displayServerCode()).
  const server = displayServerCode(serverCode, null);
  if (server && server !== code) rows.push([msg('サーバーの応答', {id: 'help.support.server-code'}), server]);
  const time = Number.isFinite(occurred.getTime())
    ? `${new Intl.DateTimeFormat(ctx.intlLocale, {dateStyle: 'medium', timeStyle: 'medium'}).format(occurred)} (${occurred.toISOString()})`
    : '';
  rows.push(
    [msg('日時', {id: 'help.support.time'}), time],
    [msg('ブラウザ', {id: 'help.support.browser'}), browser],
    ['OS', plainText(info?.osName) || msg('不明', {id: 'help.support.unknown-os'})]
  );
  return rows;
}

/** The support box as the text the copy button puts on the clipboard. */
export function supportText(ctx: GuidanceContext): string {
  return supportRows(ctx)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}

/**
 * The support box — code, time, browser and OS, with a copy button — closed behind its title:
 * it is for a call to support, not for trying again.
 */
export function renderSupportInfo(ctx: GuidanceContext): TemplateResult {
  return html`<details part="support-info" class="support">
    <summary id="support-title">${msg('サポート用の情報', {id: 'help.support.title'})}</summary>
    <div class="support-body">
      <p class="note">
        ${msg('会員サポートにお問い合わせの際にお伝えください。パスワードなどの秘密の情報は含まれていません。', {
          id: 'help.support.note',
        })}
      </p>
      <dl>${supportRows(ctx).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
      <button part="copy-button" type="button" @click=${ctx.onCopy}>
        ${msg('サポート用の情報をコピー', {id: 'help.support.copy'})}
      </button>
    </div>
  </details>`;
}
