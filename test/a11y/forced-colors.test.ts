// Forced colors (Windows High Contrast, WCAG 1.4.11 Non-text Contrast): the browser replaces the
// page's colours with a few system colours and drops background colours, so anything shown only
// by a background disappears. The show-password toggle, its pressed state and the warnings must
// stay visible.
//
// What each part proves, honestly:
// - Chromium: forced colours are really emulated (DevTools protocol), and the computed styles of
//   the toggle, its pressed check box and the warnings are checked under them.
// - Every engine: what survives forced colours in any browser — the toggle and every warning and
//   notice box have a real border (not only a background), and the pressed state is drawn as a
//   filled box, not only as a colour. Plus the stylesheets' own forced-colors rules name system
//   colours. Firefox and WebKit are not put into forced colours here (neither WebDriver BiDi nor
//   classic can emulate it), so those two checks are all they get.
import {expect, fixture, html} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '../../src/components/error-help/error-help.js';
import '../../src/components/maintenance-notice/maintenance-notice.js';
import '../../src/components/password-field/password-field.js';
import '../../src/components/user-id-field/user-id-field.js';
import {errorHelpStyles} from '../../src/components/error-help/error-help.styles.js';
import {guidanceStyles} from '../../src/components/error-help/guidance.styles.js';
import type {SonetErrorHelp} from '../../src/components/error-help/error-help.js';
import {maintenanceNoticeStyles} from '../../src/components/maintenance-notice/maintenance-notice.styles.js';
import type {SonetPasswordField} from '../../src/components/password-field/password-field.js';
import {fieldStyles} from '../../src/components/shared/field.styles.js';
import {fieldMoreStyles} from '../../src/components/shared/field-more.styles.js';
import type {SonetUserIdField} from '../../src/components/user-id-field/user-id-field.js';
import {canEmulateMedia, engine} from '../support/engine.js';

const SYSTEM_COLOR = /\b(?:Canvas|CanvasText|ButtonText|ButtonFace|ButtonBorder|Highlight|HighlightText|LinkText|GrayText|Field|FieldText|Mark|MarkText)\b/;

/** The body of every `@media (forced-colors: active)` block of a stylesheet text. */
function forcedColorRules(cssText: string): string {
  const out: string[] = [];
  for (let i = cssText.indexOf('forced-colors: active'); i >= 0; i = cssText.indexOf('forced-colors: active', i + 1)) {
    let depth = 0;
    let start = cssText.indexOf('{', i);
    for (let j = start; j < cssText.length; j++) {
      if (cssText[j] === '{') depth++;
      else if (cssText[j] === '}' && --depth === 0) {
        out.push(cssText.slice(start + 1, j));
        start = j;
        break;
      }
    }
  }
  return out.join('\n');
}

const opaque = (color: string) => color !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(color);

function borderVisible(el: Element): boolean {
  const style = getComputedStyle(el);
  return (['Top', 'Right', 'Bottom', 'Left'] as const).some(
    (side) =>
      style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
      parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1 &&
      opaque(style.getPropertyValue(`border-${side.toLowerCase()}-color`))
  );
}

async function fields(): Promise<{password: SonetPasswordField; userId: SonetUserIdField; toggle: HTMLButtonElement}> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <sonet-user-id-field name="user_id"></sonet-user-id-field>
    <sonet-password-field name="password"></sonet-password-field>
  </div>`);
  const userId = wrapper.querySelector<SonetUserIdField>('sonet-user-id-field')!;
  const password = wrapper.querySelector<SonetPasswordField>('sonet-password-field')!;
  userId.input!.focus();
  document.execCommand('insertText', false, 'ｔａｒｏ　ｓ');
  password.input!.focus();
  document.execCommand('insertText', false, 'Il1 pass');
  password.input!.dispatchEvent(new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true, composed: true}));
  await userId.updateComplete;
  await password.updateComplete;
  return {password, userId, toggle: password.querySelector<HTMLButtonElement>('[part~="toggle"]')!};
}

describe('forced colors', function () {
  this.timeout(20000);

  describe(`what survives forced colours in any engine (${engine})`, () => {
    it('gives the toggle and every warning a real border, not only a background', async () => {
      const {password, userId, toggle} = await fields();
      expect(borderVisible(toggle), 'toggle').to.equal(true);
      const warnings = [...userId.querySelectorAll('[part~="warning"]'), ...password.querySelectorAll('[part~="warning"]')];
      expect(warnings.length).to.be.greaterThan(2);
      for (const w of warnings) expect(borderVisible(w), w.getAttribute('data-code')!).to.equal(true);
    });

    it('draws the pressed state as a filled check box, not only a colour', async () => {
      const {password, toggle} = await fields();
      const box = () => getComputedStyle(toggle, '::before');
      expect(box().content).to.not.equal('none');
      expect(parseFloat(box().borderTopWidth)).to.be.at.least(1);
      const before = box().backgroundColor;
      password.revealed = true;
      await password.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(box().backgroundColor).to.not.equal(before);
      expect(opaque(box().backgroundColor)).to.equal(true);
    });

    it('frames the guidance and the maintenance banner with borders', async () => {
      const help = await fixture<SonetErrorHelp>(html`<sonet-error-help code="SS503"></sonet-error-help>`);
      await help.ready;
      expect(borderVisible(help), 'error help').to.equal(true);
      const now = Date.now();
      const feed = {version: 1, incident: {since: new Date(now - 1000).toISOString()}};
      const notice = await fixture<HTMLElement & {ready: Promise<void>}>(
        html`<sonet-maintenance-notice src=${`data:application/json,${encodeURIComponent(JSON.stringify(feed))}`}></sonet-maintenance-notice>`
      );
      await notice.ready;
      expect(borderVisible(notice.shadowRoot!.querySelector('[part~="notice"]')!), 'maintenance banner').to.equal(true);
    });

    const sheets: Array<[string, string, RegExp[]]> = [
      ['fields and login form', fieldStyles.cssText, [/sonet-toggle/, /Highlight/]],
      ['field warnings', fieldMoreStyles.cssText, [/sonet-warning/]],
      ['error help', errorHelpStyles.cssText, [/CanvasText/]],
      ['guidance steps', guidanceStyles.cssText, [/CanvasText/]],
      ['maintenance notice', maintenanceNoticeStyles.cssText, [/CanvasText/]],
    ];
    for (const [name, css, needles] of sheets) {
      it(`has forced-colors rules with system colours in the ${name} styles`, () => {
        const rules = forcedColorRules(css);
        expect(rules, 'a @media (forced-colors: active) block').to.not.equal('');
        expect(SYSTEM_COLOR.test(rules)).to.equal(true);
        for (const needle of needles) expect(rules).to.match(needle);
      });
    }
  });

  describe('emulated forced colours (Chromium only)', () => {
    before(async function () {
      // Only Chromium's DevTools protocol emulates forced-colors; Firefox (WebDriver BiDi) and
      // WebKit (WebDriver classic) cannot, so there the checks above are all there is.
      if (!canEmulateMedia) this.skip();
      await emulateMedia({forcedColors: 'active'});
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
    });
    after(async () => {
      if (canEmulateMedia) await emulateMedia({forcedColors: 'none'});
    });

    /** The colour a system colour keyword computes to now. */
    function systemColor(keyword: string): string {
      const probe = document.createElement('div');
      probe.style.cssText = `forced-color-adjust: none; color: ${keyword}`;
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    }

    it('keeps the toggle visible: border, text and the pressed check box in Highlight', async () => {
      const {password, toggle} = await fields();
      const style = getComputedStyle(toggle);
      expect(borderVisible(toggle)).to.equal(true);
      expect(style.color).to.not.equal(style.backgroundColor);
      const unpressed = getComputedStyle(toggle, '::before').backgroundColor;
      password.revealed = true;
      await password.updateComplete;
      const pressed = getComputedStyle(toggle, '::before').backgroundColor;
      expect(pressed).to.equal(systemColor('Highlight'));
      expect(pressed).to.not.equal(unpressed);
    });

    it('keeps every warning visible: a border and text in system colours', async () => {
      const {password, userId} = await fields();
      const canvas = systemColor('Canvas');
      for (const w of [...userId.querySelectorAll('[part~="warning"]'), ...password.querySelectorAll('[part~="warning"]')]) {
        const style = getComputedStyle(w);
        expect(borderVisible(w), w.getAttribute('data-code')!).to.equal(true);
        expect(style.borderTopColor).to.not.equal(canvas);
        expect(style.color).to.not.equal(canvas);
      }
    });

    it('keeps the guidance framed and its heading readable', async () => {
      const help = await fixture<SonetErrorHelp>(html`<sonet-error-help code="invalid-credentials"></sonet-error-help>`);
      await help.ready;
      expect(borderVisible(help)).to.equal(true);
      const heading = help.shadowRoot!.querySelector('[part~="heading"]')!;
      expect(getComputedStyle(heading).color).to.not.equal(systemColor('Canvas'));
    });
  });
});
