import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/error-help/error-help.js';
import {SonetErrorHelp} from '../../src/components/error-help/error-help.js';
import {GUIDANCE} from '../../src/components/error-help/guidance.js';
import {ERROR_HELP_DEFAULT_LINKS} from '../../src/components/error-help/error-help.links.js';
import {detectBrowser, type BrowserFamily, type BrowserInfo} from '../../src/lib/capabilities.js';
import {LOGIN_ERROR_CODES, type LoginErrorCode} from '../../src/lib/login-response.js';
import {setSonetLocale} from '../../src/localization.js';
import {stopTime} from '../support/clock.js';

/** 2025-01-02 01:02:03 UTC: the moment the tests of times and waits stop the clock at. */
const NOW = Date.UTC(2025, 0, 2, 1, 2, 3);

const TITLES: Record<LoginErrorCode, [ja: string, en: string]> = {
  SS503: ['ログインが一時的に制限されています', 'Login is temporarily restricted'],
  ce500: ['ログイン後のページに移動できませんでした', 'We could not take you to the page after login'],
  500: ['ログインの処理を完了できませんでした', 'Login could not be completed'],
  'invalid-credentials': [
    'ユーザーID またはユーザーIDパスワードが正しくありません',
    'The user ID or user ID password is incorrect',
  ],
  locked: ['ログインが一定期間ロックされています', 'Login is locked for a while'],
  maintenance: ['障害またはメンテナンスの可能性があります', 'There may be an outage or maintenance'],
  network: ['通信エラーのため、ログインできませんでした', 'Login failed because of a connection problem'],
  'cookies-disabled': ['ブラウザの Cookie が無効になっています', 'Cookies are turned off in your browser'],
  'javascript-disabled': ['ブラウザの JavaScript が無効になっています', 'JavaScript is turned off in your browser'],
  unknown: ['ログインできませんでした', 'We could not log you in'],
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9faf]/;

const SAFARI_ON_MAC: BrowserInfo = {
  family: 'safari-mac',
  name: 'Safari',
  version: '17.5',
  os: 'macos',
  osName: 'macOS',
  mobile: false,
};

const FIREFOX_ON_LINUX: BrowserInfo = {
  family: 'firefox',
  name: 'Firefox',
  version: '128',
  os: 'linux',
  osName: 'Linux',
  mobile: false,
};

async function helpFor(code: string, extra: Partial<SonetErrorHelp> = {}): Promise<SonetErrorHelp> {
  const el = document.createElement('sonet-error-help');
  el.code = code;
  Object.assign(el, extra);
  const wrapped = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapped.append(el);
  await el.updateComplete;
  await el.ready;
  await el.updateComplete;
  return el;
}

function root(el: SonetErrorHelp): ShadowRoot {
  return el.shadowRoot!;
}
function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
function steps(el: SonetErrorHelp): HTMLLIElement[] {
  return [...root(el).querySelectorAll<HTMLLIElement>('ol[part="steps"] > li[part="step"]')];
}
function disclosures(el: SonetErrorHelp): HTMLDetailsElement[] {
  return [...root(el).querySelectorAll<HTMLDetailsElement>('[part="browser-steps"] details')];
}
function liveRegion(el: SonetErrorHelp): HTMLElement {
  return root(el).querySelector<HTMLElement>('div[role="status"]')!;
}

/**
 * Records every non-empty text a live region takes, once per change — also when the same words
 * come again (cleared, then set), which a screen reader announces again.
 */
function listen(region: HTMLElement): {heard: string[]; stop: () => void} {
  const heard: string[] = [];
  let last = text(region);
  const observer = new MutationObserver((records) => {
    // Records arrive in batches; each one's oldValue is the text before it, so the text after
    // record i is the oldValue of record i + 1 (or the current text for the last one).
    const final = text(region);
    records.forEach((_record, i) => {
      const next = records[i + 1];
      const after = next ? (next.type === 'characterData' ? (next.oldValue ?? '').trim() : final) : final;
      if (after && after !== last) heard.push(after);
      last = after;
    });
  });
  observer.observe(region, {childList: true, subtree: true, characterData: true, characterDataOldValue: true});
  return {heard, stop: () => observer.disconnect()};
}

describe('<sonet-error-help>', () => {
  afterEach(async () => {
    sinon.restore();
    await setSonetLocale('ja');
  });

  describe('accessibility', () => {
    for (const code of LOGIN_ERROR_CODES) {
      it(`is accessible for ${code}`, async () => {
        stopTime(NOW);
        const el = await helpFor(code, {retryAfter: '120'});
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible in English', async () => {
      await setSonetLocale('en');
      const el = await helpFor('500', {browser: 'edge'});
      await expect(el).to.be.accessible();
    });

    it('renders a real heading at heading-level, focusable by script only', async () => {
      const el = await fixture<SonetErrorHelp>(html`<sonet-error-help code="SS503" heading-level="3"></sonet-error-help>`);
      const heading = root(el).querySelector('[part="heading"]')!;
      expect(heading.localName).to.equal('h3');
      expect(heading.getAttribute('tabindex')).to.equal('-1');
    });

    it('falls back to h2 for a heading-level outside 2–6', async () => {
      for (const level of ['1', '7', 'x', '2.5']) {
        const el = await fixture<SonetErrorHelp>(
          html`<sonet-error-help code="SS503" heading-level=${level}></sonet-error-help>`
        );
        expect(root(el).querySelector('[part="heading"]')!.localName, level).to.equal('h2');
      }
    });

    it('moves focus to the heading with focusHeading()', async () => {
      // Chromium only; other engines have a focused page already.
      await executeServerCommand('emulate-focus').catch(() => false);
      const el = await helpFor('invalid-credentials');
      await el.focusHeading();
      expect(root(el).activeElement?.getAttribute('part')).to.equal('heading');
    });

    it('can focus the heading before the first render', async () => {
      const el = document.createElement('sonet-error-help');
      el.code = 'locked';
      document.body.append(el);
      try {
        await el.focusHeading();
        expect(root(el).activeElement?.getAttribute('part')).to.equal('heading');
      } finally {
        el.remove();
      }
    });

    it('uses real ordered lists for the steps', async () => {
      const el = await helpFor('500', {browser: 'edge'});
      expect(root(el).querySelector('[part="steps"]')!.localName).to.equal('ol');
      expect(steps(el)).to.have.length(4);
      for (const details of disclosures(el)) expect(details.querySelector('ol > li')).to.exist;
    });
  });

  describe('loading', () => {
    let release: () => void = () => {};
    let fail: (error: Error) => void = () => {};
    class HeldHelp extends SonetErrorHelp {
      protected static override loadGuidance = () =>
        new Promise<typeof import('../../src/components/error-help/guidance.js')>((resolve, reject) => {
          release = () => void import('../../src/components/error-help/guidance.js').then(resolve);
          fail = reject;
        });
    }
    customElements.define('held-error-help', HeldHelp);

    it('shows an accessible loading status until the steps are in', async () => {
      const el = await fixture<HeldHelp>(html`<held-error-help code="SS503"></held-error-help>`);
      const status = root(el).querySelector('.loading');
      expect(status?.getAttribute('role')).to.equal('status');
      expect(text(status)).to.equal('読み込み中…');
      expect(text(root(el).querySelector('[part="heading"]'))).to.equal(TITLES.SS503[0]);
      expect(text(root(el).querySelector('[part="code"]'))).to.equal('エラーコード: SS503');
      await expect(el).to.be.accessible();
      release();
      await el.ready;
      expect(root(el).querySelector('.loading')).to.be.null;
      expect(steps(el).length).to.be.greaterThan(1);
    });

    it('explains the failure and offers a retry when the steps cannot be loaded', async () => {
      const el = await fixture<HeldHelp>(html`<held-error-help code="network"></held-error-help>`);
      fail(new Error('offline'));
      await el.ready;
      expect(text(root(el).querySelector('.lead'))).to.contain('手順を読み込めませんでした');
      expect(root(el).querySelector('a')!.getAttribute('href')).to.equal(ERROR_HELP_DEFAULT_LINKS.support);
      await expect(el).to.be.accessible();
      const retry = root(el).querySelector<HTMLButtonElement>('.body button')!;
      retry.click();
      release();
      await el.ready;
      expect(steps(el).length).to.be.greaterThan(1);
    });
  });

  describe('guidance', () => {
    for (const code of LOGIN_ERROR_CODES) {
      it(`explains ${code} with a heading, the code and numbered steps in Japanese`, async () => {
        const el = await helpFor(code);
        expect(text(root(el).querySelector('[part="heading"]'))).to.equal(TITLES[code][0]);
        expect(text(root(el).querySelector('[part="code"]'))).to.equal(`エラーコード: ${code}`);
        expect(text(root(el).querySelector('[part="lead"]'))).to.match(JAPANESE);
        const items = steps(el);
        expect(items.length).to.be.greaterThan(1);
        for (const item of items) expect(text(item.querySelector('p'))).to.match(/。$/);
      });

      it(`explains ${code} in English after setSonetLocale('en')`, async () => {
        await setSonetLocale('en');
        const el = await helpFor(code, {browser: 'chrome'});
        expect(text(root(el).querySelector('[part="heading"]'))).to.equal(TITLES[code][1]);
        expect(text(root(el).querySelector('[part="code"]'))).to.equal(`Error code: ${code}`);
        expect(text(root(el).querySelector('[part="lead"]'))).not.to.match(JAPANESE);
        for (const item of steps(el)) {
          // Only names of So-net mails and pages stay Japanese (the member sees them in Japanese).
          const own = text(item.querySelector('p')).replace(/“[^”]*”/g, '');
          expect(own).not.to.match(JAPANESE);
        }
        expect(text(root(el).querySelector('[part="copy-button"]'))).to.equal('Copy the information for support');
      });
    }

    it('switches the language of rendered steps when the locale changes', async () => {
      const el = await helpFor('ce500');
      expect(text(steps(el)[0])).to.contain('戻る');
      await setSonetLocale('en');
      await el.updateComplete;
      expect(text(steps(el)[0])).to.contain('Back button');
    });

    it('normalizes the spellings servers use', async () => {
      for (const [raw, code] of [
        ['ss503', 'SS503'],
        ['ＳＳ５０３', 'SS503'],
        ['CE500', 'ce500'],
        ['invalid_credentials', 'invalid-credentials'],
      ] as const) {
        const el = await helpFor(raw);
        expect(text(root(el).querySelector('[part="heading"]')), raw).to.equal(TITLES[code][0]);
        expect(text(root(el).querySelector('[part="code"]'))).to.equal(`エラーコード: ${code}`);
      }
    });

    it('gives general guidance for an unknown code and still shows that code', async () => {
      const el = await helpFor('XY-42');
      expect(text(root(el).querySelector('[part="heading"]'))).to.equal(TITLES.unknown[0]);
      expect(text(root(el).querySelector('[part="code"]'))).to.equal('エラーコード: XY-42');
      const all = text(root(el));
      expect(all).to.contain('障害・メンテナンス情報');
      expect(all).to.contain('再起動');
      expect(all).to.contain('キャッシュ');
      expect(all).to.contain('オペレーターにご相談いただけます');
    });

    it('is never empty, even without a code', async () => {
      const el = await fixture<SonetErrorHelp>(html`<sonet-error-help></sonet-error-help>`);
      await el.ready;
      expect(text(root(el).querySelector('[part="heading"]'))).to.equal(TITLES.unknown[0]);
      expect(steps(el).length).to.be.greaterThan(2);
    });

    it('says for SS503 what happened and to wait, and nothing about a password reset', async () => {
      // The support page says a reset does not lift the password lock, not SS503.
      const all = text(root(await helpFor('SS503')));
      expect(all).to.contain('ログインの失敗が一定回数を超えた');
      expect(all).to.contain('時間を置いてから、もう一度ログイン');
      expect(all).not.to.contain('再設定');
    });

    for (const code of LOGIN_ERROR_CODES) {
      it(`ends ${code} with the operator chat as the last resort`, async () => {
        const el = await helpFor(code, {supportHref: '/support/'});
        const all = steps(el);
        const last = all[all.length - 1];
        expect(text(last)).to.contain('オペレーターとチャットで解決');
        expect(text(last)).to.contain('個人会員のみ');
        expect(text(last)).to.contain('9:00～18:00');
        expect(last.querySelector('a')!.getAttribute('href')).to.equal('/support/');
      });
    }

    it('says for javascript-disabled that the plain form still logs in', async () => {
      const lead = text(root(await helpFor('javascript-disabled')).querySelector('[part="lead"]'));
      expect(lead).to.contain('JavaScript が無効でもログインはできます');
    });

    it('says nothing that the support pages do not say', async () => {
      const unsourced = [
        'about:config',
        'iOS 18',
        '新しい macOS',
        'Wi-Fi',
        'モバイルデータ',
        'セキュリティソフト',
        '拡張機能',
        '「X」キー',
        'プライバシーとセキュリティ',
        '強化型トラッキング防止機能',
      ];
      for (const code of LOGIN_ERROR_CODES) {
        for (const browser of ['edge', 'chrome', 'firefox', 'other'] as const) {
          const all = text(root(await helpFor(code, {browser})));
          for (const phrase of unsourced) expect(all, `${code} / ${browser}: ${phrase}`).not.to.contain(phrase);
        }
      }
    });

    it('says for locked to wait a few hours and that a password reset does not unlock', async () => {
      const all = text(root(await helpFor('locked')));
      expect(all).to.contain('数時間おいてから');
      expect(all).to.contain('パスワードを再設定しても、ロックは解除されません');
    });

    it('tells for ce500 to go back, reopen from a link, then clear the cache', async () => {
      const el = await helpFor('ce500', {cacheHelpHref: '/cache/'});
      const [back, reopen, cache] = steps(el).map(text);
      expect(back).to.contain('「戻る」ボタン');
      expect(reopen).to.contain('リンク');
      expect(cache).to.contain('キャッシュ');
      expect(steps(el)[2].querySelector('a')!.getAttribute('href')).to.equal('/cache/');
    });

    it('lists the three 500 steps in the support page order', async () => {
      const el = await helpFor('500', {browser: 'edge'});
      const [loggedIn, cache, privacy] = steps(el);
      expect(text(loggedIn)).to.contain('ニックネーム');
      expect(text(loggedIn)).to.contain('ログアウト');
      expect(loggedIn.querySelector('a')!.getAttribute('href')).to.equal('https://support.so-net.ne.jp/');
      expect(text(cache)).to.contain('キャッシュ');
      expect(cache.querySelector('a')!.getAttribute('href')).to.equal(ERROR_HELP_DEFAULT_LINKS.cacheHelp);
      expect(text(privacy)).to.contain('Cookie と JavaScript を有効に');
      expect(privacy.querySelector('[part="browser-steps"]')).to.exist;
    });

    it('covers every input check of the support pages for invalid-credentials', async () => {
      const el = await helpFor('invalid-credentials');
      const all = text(root(el));
      for (const fact of [
        '半角英数字',
        '大文字と小文字は区別されます',
        '全角',
        'スペース',
        'taro_s@aa2',
        'サブドメイン',
        'taro_s@aa2.so-net.ne.jp',
        '手で入力し直して',
        '記憶された内容には反映されません',
        '「I」(大文字のアイ)',
        '「l」(小文字のエル)',
        '隠れているパスワードを表示して確認する',
        '周りに人がいない',
        'コピー&ペースト',
        '電話をかける',
        '個人会員のみ',
        'So-net ユーザーID 自動変更のご案内',
        '各種サービスのログイン履歴',
      ]) {
        expect(all, fact).to.contain(fact);
      }
      const hrefs = [...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.include.members([
        ERROR_HELP_DEFAULT_LINKS.reset,
        ERROR_HELP_DEFAULT_LINKS.idChange,
        ERROR_HELP_DEFAULT_LINKS.loginHistory,
        ERROR_HELP_DEFAULT_LINKS.inputHelp,
      ]);
    });

    it('never says which of the two fields was wrong (no user enumeration)', async () => {
      for (const locale of ['ja', 'en']) {
        await setSonetLocale(locale);
        const el = await helpFor('invalid-credentials');
        const heading = text(root(el).querySelector('[part="heading"]'));
        expect(heading).to.match(/または| or /);
        expect(text(root(el))).not.to.match(
          /(ユーザーID|パスワード)(だけ|のみ)?が(間違って|違って|存在しません|登録されていません)|(user ID|password) (does not exist|is wrong|is not registered)/i
        );
      }
    });

    it('points to the outage and maintenance page for maintenance', async () => {
      const el = await helpFor('maintenance');
      expect(steps(el)[0].querySelector('a')!.getAttribute('href')).to.equal('https://www.so-net.ne.jp/emerge/');
    });

    it('tells for network to check the connection, retry, and restart with a full shutdown', async () => {
      const all = text(root(await helpFor('network')));
      expect(all).to.contain('インターネットに接続されているか');
      expect(all).to.contain('もう一度ログインをお試しください');
      expect(all).to.contain('再起動');
      expect(all).to.contain('「Shift」キーを押しながら「シャットダウン」');
      expect(all).to.contain('高速スタートアップ');
    });
  });

  describe('browser steps', () => {
    const PRIMARY: Array<[BrowserFamily, string]> = [
      ['edge', 'edge'],
      ['safari-mac', 'safari-mac'],
      ['safari-ios', 'safari-ios'],
      ['android-chrome', 'android-chrome'],
    ];
    for (const [family, set] of PRIMARY) {
      it(`opens the ${family} steps first when browser="${family}"`, async () => {
        const el = await helpFor('500', {browser: family});
        const [first, ...others] = disclosures(el);
        expect(first.dataset.browser).to.equal(set);
        expect(first.open).to.be.true;
        expect(text(first.querySelector('summary'))).to.contain('(お使いのブラウザ)');
        expect(others.every((details) => !details.open)).to.be.true;
        expect(others).to.have.length(4);
      });
    }

    for (const family of ['chrome', 'firefox'] as const) {
      it(`opens no steps for desktop ${family}, whose menus the support pages do not give`, async () => {
        const el = await helpFor('500', {browser: family});
        expect(disclosures(el).map((d) => d.dataset.browser)).not.to.include(family);
        expect(disclosures(el).some((details) => details.open)).to.be.false;
        expect(text(root(el).querySelector('[part="browser-steps"] .note'))).to.contain('名前を選ぶと');
      });
    }

    it('opens the detected browser first when detection is injected', async () => {
      const el = await helpFor('500', {browserInfo: SAFARI_ON_MAC});
      const [first] = disclosures(el);
      expect(first.dataset.browser).to.equal('safari-mac');
      expect(first.open).to.be.true;
    });

    it('detects the browser itself when nothing is injected', async () => {
      const detected = detectBrowser();
      const el = await helpFor('500');
      expect(el.browserInfo).to.deep.equal(detected);
      const first = disclosures(el)[0];
      if (['edge', 'safari-mac', 'safari-ios', 'android-chrome'].includes(detected.family)) {
        expect(first.dataset.browser).to.equal(detected.family);
        expect(first.open).to.be.true;
      } else {
        expect(disclosures(el).some((details) => details.open)).to.equal(detected.os === 'windows');
      }
    });

    it('lets the browser attribute win over detection', async () => {
      const el = await helpFor('500', {browserInfo: FIREFOX_ON_LINUX, browser: 'safari-ios'});
      expect(disclosures(el)[0].dataset.browser).to.equal('safari-ios');
    });

    it('ignores a browser attribute that is not a known family', async () => {
      const el = await fixture<SonetErrorHelp>(
        html`<sonet-error-help code="500" browser="netscape" .browserInfo=${SAFARI_ON_MAC}></sonet-error-help>`
      );
      await el.ready;
      expect(disclosures(el)[0].dataset.browser).to.equal('safari-mac');
    });

    it('opens the Windows Internet Options first for an unknown browser on Windows', async () => {
      const el = await helpFor('500', {
        browserInfo: {family: 'other', name: '', os: 'windows', osName: 'Windows', mobile: false},
      });
      expect(disclosures(el)[0].dataset.browser).to.equal('internet-options');
      expect(disclosures(el)[0].open).to.be.true;
    });

    it('opens nothing and asks to choose when no steps match the browser', async () => {
      const el = await helpFor('500', {browser: 'samsung'});
      expect(disclosures(el).some((details) => details.open)).to.be.false;
      expect(text(root(el).querySelector('[part="browser-steps"] .note'))).to.contain('名前を選ぶと');
    });

    it('gives the five step sets of the support pages for 500, with every step', async () => {
      const el = await helpFor('500', {browser: 'edge'});
      const byId = Object.fromEntries(disclosures(el).map((d) => [d.dataset.browser, d]));
      const count = (id: string) => byId[id].querySelectorAll('li').length;
      expect(Object.keys(byId)).to.have.members([
        'edge',
        'safari-mac',
        'safari-ios',
        'android-chrome',
        'internet-options',
      ]);
      expect(count('edge')).to.equal(6);
      expect(count('safari-mac')).to.equal(3);
      expect(count('safari-ios')).to.equal(5);
      expect(count('android-chrome')).to.equal(8);
      expect(count('internet-options')).to.equal(5);
      const ie = text(byId['internet-options']);
      for (const fact of ['コントロール パネル', 'ネットワークとインターネット', 'インターネット オプション', '中-高', '詳細設定(V)', '自動 Cookie 処理を上書きする(O)', '受け入れる', '承諾する', 'インターネットのプロパティ']) {
        expect(ie, fact).to.contain(fact);
      }
      expect(text(byId['safari-ios'])).to.contain('「Safari」');
    });

    it('links the Windows 8.1 / 8 Control Panel page from the Internet Options steps', async () => {
      const el = await helpFor('500', {browser: 'edge', controlPanelHelpHref: '/control-panel/'});
      const ie = disclosures(el).find((d) => d.dataset.browser === 'internet-options')!;
      const link = ie.querySelector<HTMLAnchorElement>('li a')!;
      expect(link.getAttribute('href')).to.equal('/control-panel/');
      expect(text(link)).to.contain('Windows 8.1 / Windows 8');
      expect(text(ie)).not.to.contain('「X」キー');
    });

    it('links the Control Panel page to its default when the attribute is unusable', async () => {
      const el = await helpFor('500', {browser: 'edge', controlPanelHelpHref: 'javascript:alert(1)'});
      const ie = disclosures(el).find((d) => d.dataset.browser === 'internet-options')!;
      expect(ie.querySelector('li a')!.getAttribute('href')).to.equal(ERROR_HELP_DEFAULT_LINKS.controlPanelHelp);
    });

    it('shows only the cookie steps for cookies-disabled', async () => {
      const el = await helpFor('cookies-disabled', {browser: 'edge'});
      const edge = disclosures(el)[0];
      expect(text(edge)).to.contain('Cookie データの保存と読み取りをサイトに許可する');
      expect(text(edge)).not.to.contain('「JavaScript」');
      expect(disclosures(el).map((d) => d.dataset.browser)).to.include('internet-options');
    });

    it('shows only the JavaScript steps for javascript-disabled', async () => {
      const el = await helpFor('javascript-disabled', {browser: 'android-chrome'});
      const android = disclosures(el)[0];
      expect(android.dataset.browser).to.equal('android-chrome');
      expect(text(android)).to.contain('JavaScript の実行を許可する');
      expect(text(android)).not.to.contain('Cookie');
      // Internet Options in the support page only set the privacy (cookie) level.
      expect(disclosures(el).map((d) => d.dataset.browser)).not.to.include('internet-options');
    });

    it('keeps a disclosure the member opened open across re-renders', async () => {
      const el = await helpFor('500', {browser: 'edge'});
      const safari = disclosures(el).find((d) => d.dataset.browser === 'safari-mac')!;
      safari.open = true;
      await setSonetLocale('en');
      await el.updateComplete;
      expect(safari.open).to.be.true;
    });
  });

  describe('countdown', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => (clock = stopTime(NOW, {timers: true})));

    it('counts down from retry-after and shows the time left', async () => {
      const el = await helpFor('SS503', {retryAfter: '90'});
      const countdown = () => text(root(el).querySelector('[part="countdown"]'));
      expect(countdown()).to.equal('もう一度お試しいただけるまで あと 1 分 30 秒');
      expect(root(el).querySelector('[part="countdown"] time')!.getAttribute('datetime')).to.equal('PT90S');
      clock.tick(1000);
      await el.updateComplete;
      expect(countdown()).to.contain('あと 1 分 29 秒');
      clock.tick(29_000);
      await el.updateComplete;
      expect(countdown()).to.contain('あと 1 分');
      clock.tick(60_000);
      await el.updateComplete;
      expect(countdown()).to.equal('もう一度ログインをお試しいただけます。');
    });

    it('counts down to retry-at given in ms or ISO', async () => {
      const ms = await helpFor('SS503', {retryAt: String(NOW + 5 * 60_000)});
      expect(text(root(ms).querySelector('[part="countdown"]'))).to.contain('あと 5 分');
      const iso = await helpFor('locked', {retryAt: new Date(NOW + 2 * 3600_000).toISOString()});
      expect(text(root(iso).querySelector('[part="countdown"]'))).to.contain('あと 2 時間');
    });

    it('announces politely at the start and at the end only, not every second', async () => {
      const el = await helpFor('SS503', {retryAfter: '90'});
      const region = liveRegion(el);
      expect(region.getAttribute('aria-live')).to.equal('polite');
      // The ticking clock itself must not sit in a live region.
      for (let node: Element | null = root(el).querySelector('[part="countdown"]'); node; node = node.parentElement) {
        expect(node.getAttribute('aria-live') ?? 'off', node.localName).to.equal('off');
        expect(['status', 'alert', 'log'], node.localName).not.to.include(node.getAttribute('role'));
      }
      const {heard, stop} = listen(region);
      await clock.tickAsync(300);
      expect(heard, 'start announced').to.deep.equal(['2 分ほどで、もう一度ログインをお試しいただけます。']);
      for (let second = 0; second < 100; second++) {
        clock.tick(1000);
        // Every update and announcement settles each second, as on a page (microtasks only).
        await el.updateComplete;
        await el.updateComplete;
      }
      stop();
      expect(heard).to.deep.equal([
        '2 分ほどで、もう一度ログインをお試しいただけます。',
        '待ち時間が過ぎました。もう一度ログインをお試しいただけます。',
      ]);
    });

    it('announces in English with the English locale', async () => {
      await setSonetLocale('en');
      const el = await helpFor('SS503', {retryAfter: '30'});
      const {heard, stop} = listen(liveRegion(el));
      await clock.tickAsync(300);
      stop();
      expect(heard[0]).to.equal('You can try logging in again in about 30 seconds.');
    });

    it('fires sonet-error-help-retry-ready when the wait is over', async () => {
      const el = await helpFor('locked', {retryAfter: '2'});
      const events: string[] = [];
      document.addEventListener('sonet-error-help-retry-ready', (e) => events.push(e.code, e.detail.code), {once: true});
      clock.tick(2000);
      expect(events, 'code, and detail.code for code written against CustomEvent').to.deep.equal(['locked', 'locked']);
    });

    it('stops its timers when disconnected and resumes when reconnected', async () => {
      const el = await helpFor('SS503', {retryAfter: '60'});
      expect(clock.countTimers()).to.be.greaterThan(0);
      const parent = el.parentElement!;
      el.remove();
      expect(clock.countTimers()).to.equal(0);
      parent.append(el);
      expect(clock.countTimers()).to.equal(1);
    });

    it('shows no countdown without a usable retry time, or for codes without a wait', async () => {
      for (const el of [
        await helpFor('SS503'),
        await helpFor('SS503', {retryAfter: 'soon'}),
        await helpFor('invalid-credentials', {retryAfter: '60'}),
      ]) {
        expect(root(el).querySelector('[part="countdown"]')).to.be.null;
      }
      expect(clock.countTimers()).to.equal(0);
    });

    it('says the wait is over, without announcing it, when retry-at has already passed', async () => {
      const el = await helpFor('SS503', {retryAt: String(NOW - 1000)});
      const {heard, stop} = listen(liveRegion(el));
      await clock.tickAsync(1000);
      stop();
      expect(text(root(el).querySelector('[part="countdown"]'))).to.equal('もう一度ログインをお試しいただけます。');
      expect(heard).to.deep.equal([]);
    });
  });

  describe('layout', () => {
    const firstList = (el: SonetErrorHelp) => root(el).querySelector<HTMLOListElement>('.body > ol[part="steps"]')!;
    const more = (el: SonetErrorHelp) => root(el).querySelector<HTMLDetailsElement>('details[part="more"]');
    const supportInfo = (el: SonetErrorHelp) => root(el).querySelector<HTMLDetailsElement>('details[part="support-info"]');

    for (const code of LOGIN_ERROR_CODES) {
      it(`opens ${code} with one to three steps and keeps the rest and the support info closed`, async () => {
        stopTime(NOW);
        const el = await helpFor(code, {retryAfter: '600'});
        const shown = firstList(el).querySelectorAll(':scope > li[part="step"]').length;
        expect(shown).to.equal(GUIDANCE[code].first);
        expect(shown).to.be.within(1, 3);
        const rest = GUIDANCE[code].steps.length - shown;
        if (rest > 0) {
          expect(more(el)!.open).to.be.false;
          expect(more(el)!.querySelectorAll('ol > li[part="step"]')).to.have.length(rest);
          // The numbering goes on where the first steps stop.
          expect(more(el)!.querySelector('ol')!.start).to.equal(shown + 1);
        } else {
          expect(more(el)).to.be.null;
        }
        expect(supportInfo(el)!.open).to.be.false;
      });
    }

    it('lists the member’s browser first but keeps every browser closed when the steps are up front', async () => {
      const el = await helpFor('cookies-disabled', {browser: 'android-chrome'});
      const [first, ...others] = disclosures(el);
      expect(first.dataset.browser).to.equal('android-chrome');
      expect(text(first.querySelector('summary'))).to.contain('(お使いのブラウザ)');
      expect([first, ...others].some((details) => details.open)).to.be.false;
    });

    it('puts the disclosures in the same order after every failure (WCAG 3.2.6)', async () => {
      for (const code of LOGIN_ERROR_CODES) {
        const el = await helpFor(code);
        const order = [...root(el).querySelectorAll('.body > *')].map((node) => node.getAttribute('part'));
        expect(order, code).to.deep.equal(['lead', 'steps', 'more', 'support-info']);
      }
    });

    it('opens and closes the other steps and the support info with the keyboard', async () => {
      await executeServerCommand('emulate-focus').catch(() => false);
      const el = await helpFor('invalid-credentials');
      for (const details of [more(el)!, supportInfo(el)!]) {
        const summary = details.querySelector('summary')!;
        summary.focus();
        expect(root(el).activeElement).to.equal(summary);
        await sendKeys({press: 'Enter'});
        await waitUntil(() => details.open, `${details.getAttribute('part')} opens with Enter`, {timeout: 5000});
        await sendKeys({press: 'Enter'});
        await waitUntil(() => !details.open, `${details.getAttribute('part')} closes with Enter`, {timeout: 5000});
      }
    });

    it('is accessible with every disclosure open', async () => {
      const el = await helpFor('500', {browser: 'edge'});
      for (const details of root(el).querySelectorAll('details')) details.open = true;
      await expect(el).to.be.accessible();
    });

    it('opens the support info when it selects it for copying', async () => {
      Object.defineProperty(navigator, 'clipboard', {configurable: true, value: undefined});
      try {
        const el = await helpFor('ce500');
        await el.copySupportInfo();
        expect(supportInfo(el)!.open).to.be.true;
      } finally {
        delete (navigator as {clipboard?: unknown}).clipboard;
        document.getSelection()?.removeAllRanges();
      }
    });
  });

  describe('waits', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => (clock = stopTime(NOW, {timers: true})));

    const countdown = (el: SonetErrorHelp) => text(root(el).querySelector('[part="countdown"]'));
    /** The time of day a wait ends, as the member's clock shows it, rounded up to the minute. */
    const around = (at: number, locale: string) =>
      new Intl.DateTimeFormat(locale, {hour: 'numeric', minute: '2-digit'}).format(new Date(Math.ceil(at / 60_000) * 60_000));

    const WAITS: Array<[retryAfter: string, ja: string, en: string, clockTime: boolean]> = [
      ['45', 'あと 45 秒', '45 s left', false],
      ['90', 'あと 1 分 30 秒', '1 min 30 s left', false],
      ['597', 'あと 9 分 57 秒', '9 min 57 s left', true],
      ['600', 'あと 10 分', '10 min left', true],
      ['9000', 'あと 2 時間 30 分', '2 h 30 min left', true],
      ['10800', 'あと 3 時間', '3 h left', true],
    ];
    for (const [retryAfter, ja, en, clockTime] of WAITS) {
      it(`says a Retry-After of ${retryAfter} s as 「${ja}」 / "${en}"`, async () => {
        const at = NOW + Number(retryAfter) * 1000;
        const el = await helpFor('SS503', {retryAfter});
        expect(countdown(el)).to.equal(
          `もう一度お試しいただけるまで ${ja}${clockTime ? ` (${around(at, 'ja-JP')} ごろ)` : ''}`
        );
        await setSonetLocale('en');
        await el.updateComplete;
        expect(countdown(el)).to.equal(`Before you can try again: ${en}${clockTime ? ` (around ${around(at, 'en')})` : ''}`);
      });
    }

    it('never shows the wait as a clock reading', async () => {
      const el = await helpFor('SS503', {retryAfter: '597'});
      // 「9:57」 reads as a time of day; only the labelled time of day may have a colon.
      const withoutTimeOfDay = countdown(el).replace(/\([^)]*ごろ\)/, '');
      expect(withoutTimeOfDay).not.to.match(/\d:\d\d/);
      expect(withoutTimeOfDay).not.to.contain('目安');
    });

    it('keeps the time of day while the wait runs down', async () => {
      const el = await helpFor('SS503', {retryAfter: '600'});
      const first = text(root(el).querySelector('.retry-at'));
      clock.tick(590_000);
      await el.updateComplete;
      expect(countdown(el)).to.contain('あと 10 秒');
      expect(text(root(el).querySelector('.retry-at'))).to.equal(first);
    });

    it('shows the date with the time of day when the wait ends on another day', async () => {
      // 22:00 in the zone of the machine running the test, as a member's clock shows it.
      clock.setSystemTime(new Date(2025, 0, 2, 22, 0, 0));
      const el = await helpFor('locked', {retryAfter: String(4 * 3600)});
      expect(countdown(el)).to.contain('1月3日');
    });

    for (const code of ['SS503', 'locked', 'maintenance'] as const) {
      it(`says nothing of hours at ${code} when Retry-After says ten minutes`, async () => {
        const el = await helpFor(code, {retryAfter: '600'});
        expect(countdown(el)).to.contain('あと 10 分');
        expect(text(root(el))).not.to.contain('数時間');
        await setSonetLocale('en');
        await el.updateComplete;
        expect(text(root(el))).not.to.match(/few hours|several hours/i);
      });
    }
  });

  describe('support info', () => {
    const infoText = (el: SonetErrorHelp) => text(root(el).querySelector('[part="support-info"] dl'));

    it('shows the code, the time, the browser and the OS', async () => {
      stopTime(NOW);
      const el = await helpFor('SS503', {browserInfo: FIREFOX_ON_LINUX});
      const info = infoText(el);
      expect(info).to.contain('エラーコードSS503');
      expect(info).to.contain('2025-01-02T01:02:03.000Z');
      expect(info).to.contain('ブラウザFirefox 128');
      expect(info).to.contain('OSLinux');
    });

    it('uses occurred-at when given', async () => {
      const el = await helpFor('500', {occurredAt: '2024-12-31T15:00:00Z'});
      expect(infoText(el)).to.contain('2024-12-31T15:00:00.000Z');
    });

    it('names the overriding browser family', async () => {
      const el = await helpFor('500', {browserInfo: FIREFOX_ON_LINUX, browser: 'safari-ios'});
      expect(infoText(el)).to.contain('ブラウザSafari (iOS)');
    });

    it('copies the information with the clipboard API and announces it politely', async () => {
      const written: string[] = [];
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {writeText: (value: string) => (written.push(value), Promise.resolve())},
      });
      try {
        stopTime(NOW);
        const el = await helpFor('SS503', {browserInfo: FIREFOX_ON_LINUX, serverCode: 'SS503'});
        const {heard, stop} = listen(liveRegion(el));
        root(el).querySelector<HTMLButtonElement>('[part="copy-button"]')!.click();
        await waitUntil(() => heard.length === 1, 'announced', {timeout: 5000});
        stop();
        expect(heard).to.deep.equal(['コピーしました']);
        expect(written).to.have.length(1);
        expect(written[0].split('\n')).to.deep.equal([
          'エラーコード: SS503',
          `日時: ${new Intl.DateTimeFormat('ja-JP', {dateStyle: 'medium', timeStyle: 'medium'}).format(
            new Date(NOW)
          )} (2025-01-02T01:02:03.000Z)`,
          'ブラウザ: Firefox 128',
          'OS: Linux',
        ]);
      } finally {
        delete (navigator as {clipboard?: unknown}).clipboard;
      }
    });

    it('announces a second copy again', async () => {
      Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: () => Promise.resolve()}});
      try {
        const el = await helpFor('500');
        const {heard, stop} = listen(liveRegion(el));
        await el.copySupportInfo();
        await waitUntil(() => heard.length === 1, 'announced', {timeout: 5000});
        await el.copySupportInfo();
        await waitUntil(() => heard.length === 2, 'announced', {timeout: 5000});
        stop();
        expect(heard).to.deep.equal(['コピーしました', 'コピーしました']);
      } finally {
        delete (navigator as {clipboard?: unknown}).clipboard;
      }
    });

    it('selects the information when the clipboard API refuses', async () => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))},
      });
      try {
        const el = await helpFor('ce500');
        const {heard, stop} = listen(liveRegion(el));
        await el.copySupportInfo();
        await waitUntil(() => heard.length === 1, 'announced', {timeout: 5000});
        stop();
        // The selection's text, not its range: WebKit rescopes a range inside a shadow tree to the host.
        const selected = document.getSelection()!.toString();
        expect(selected).to.contain('エラーコード');
        expect(selected).to.contain('ce500');
        expect(heard[0]).to.match(/^(コピーしました|サポート用の情報を選択しました。)/);
      } finally {
        delete (navigator as {clipboard?: unknown}).clipboard;
        document.getSelection()?.removeAllRanges();
      }
    });

    it('puts nothing secret in the information for support', async () => {
      const el = await helpFor('invalid-credentials', {browserInfo: FIREFOX_ON_LINUX});
      const labels = [...root(el).querySelectorAll('[part="support-info"] dt')].map(text);
      expect(labels).to.deep.equal(['エラーコード', '日時', 'ブラウザ', 'OS']);
      expect(text(root(el).querySelector('[part="support-info"]'))).not.to.match(/Mozilla\/5\.0|cookie|token/i);
    });
  });

  describe('security', () => {
    it('renders a code with HTML as inert text and gives the general guidance', async () => {
      const el = await fixture<SonetErrorHelp>(
        html`<sonet-error-help code="<img src=x onerror=alert(1)>"></sonet-error-help>`
      );
      await el.ready;
      expect(root(el).querySelector('img')).to.be.null;
      expect(text(root(el).querySelector('[part="heading"]'))).to.equal(TITLES.unknown[0]);
      expect(text(root(el).querySelector('[part="code"]'))).to.equal('エラーコード: unknown');
    });

    it('shows no server code that is not a known code', async () => {
      const el = await helpFor('500', {serverCode: '<b onmouseover=alert(1)>E9</b>\u0007'});
      expect(root(el).querySelector('b')).to.be.null;
      expect(text(root(el).querySelector('[part="support-info"] dl'))).not.to.contain('E9');
      expect(text(root(el).querySelector('[part="support-info"] dl'))).not.to.contain('サーバーの応答');
    });

    const SERVER_CODES: Array<[code: string, serverCode: string, shown: string | null]> = [
      ['500', 'E500', 'E500'],
      ['SS503', 'ss503', 'ss503'],
      ['SS503', 'SS503', null],
      ['invalid-credentials', 'user_not_found', null],
      ['invalid-credentials', 'invalid_password', null],
      ['unknown', 'E_1234', null],
    ];
    for (const [code, serverCode, shown] of SERVER_CODES) {
      it(`shows ${JSON.stringify(shown)} as the server's answer for ${serverCode} with ${code}`, async () => {
        const el = await helpFor(code, {serverCode});
        const rows = [...root(el).querySelectorAll('[part="support-info"] dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);
        const row = rows.find(([label]) => label === 'サーバーの応答');
        expect(row?.[1] ?? null).to.equal(shown);
      });
    }

    const LINK_ATTRIBUTES: Array<[attribute: string, code: string, fallback: string]> = [
      ['reset-href', 'invalid-credentials', ERROR_HELP_DEFAULT_LINKS.reset],
      ['id-change-href', 'invalid-credentials', ERROR_HELP_DEFAULT_LINKS.idChange],
      ['login-history-href', 'invalid-credentials', ERROR_HELP_DEFAULT_LINKS.loginHistory],
      ['input-help-href', 'invalid-credentials', ERROR_HELP_DEFAULT_LINKS.inputHelp],
      ['cache-help-href', 'ce500', ERROR_HELP_DEFAULT_LINKS.cacheHelp],
      ['maintenance-href', 'maintenance', ERROR_HELP_DEFAULT_LINKS.maintenance],
      ['support-href', '500', ERROR_HELP_DEFAULT_LINKS.support],
    ];
    for (const [attribute, code, fallback] of LINK_ATTRIBUTES) {
      it(`falls back to the default for a javascript: ${attribute}`, async () => {
        const el = document.createElement('sonet-error-help');
        el.setAttribute('code', code);
        el.setAttribute(attribute, 'javascript:alert(document.domain)');
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        host.append(el);
        await el.ready;
        const hrefs = [...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href')!);
        expect(hrefs.some((href) => /script:/i.test(href))).to.be.false;
        expect(hrefs).to.include(fallback);
      });

      it(`uses an https or relative ${attribute}`, async () => {
        for (const value of ['https://example.com/help', '/help/']) {
          const el = document.createElement('sonet-error-help');
          el.setAttribute('code', code);
          el.setAttribute(attribute, value);
          const host = await fixture<HTMLDivElement>(html`<div></div>`);
          host.append(el);
          await el.ready;
          expect([...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include(value);
        }
      });
    }
  });
});
