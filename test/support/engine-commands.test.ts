// The test-runner commands other tests rely on, checked in every engine `npm test` runs
// (scripts/engine-commands-plugin.mjs, scripts/webkit-launcher.mjs): a command that silently
// did nothing in one engine would make that engine's tests pass without testing anything.
import {expect, fixture, html} from '@open-wc/testing';
import {a11ySnapshot, emulateMedia, sendKeys, setViewport} from '@web/test-runner-commands';
import {canEmulateMedia, canSnapshotAccessibility, engine} from './engine.js';

async function focusedInput(): Promise<{input: HTMLInputElement; events: string[]}> {
  const form = await fixture<HTMLFormElement>(html`
    <form>
      <label>one <input id="one" /></label>
      <label>two <input id="two" /></label>
    </form>
  `);
  const input = form.querySelector<HTMLInputElement>('#two')!;
  const events: string[] = [];
  for (const type of ['keydown', 'keyup'] as const) {
    input.addEventListener(type, (e) => events.push(`${type === 'keydown' ? 'down' : 'up'}:${e.key}`));
  }
  input.focus();
  return {input, events};
}

describe('test-runner commands (engine: ' + engine + ')', () => {
  describe('the test page', () => {
    // Test files run side by side; a page the browser treats as a background tab is hidden, gets
    // no animation frames (a test awaiting one hangs), clamps timers or fires no focus events.
    it('is visible, focused and gets animation frames', async () => {
      expect(document.visibilityState).to.equal('visible');
      expect(document.hasFocus()).to.equal(true);
      const frame = new Promise<string>((resolve) => requestAnimationFrame(() => resolve('frame')));
      const late = new Promise<string>((resolve) => setTimeout(() => resolve('no frame within 1 s'), 1000));
      expect(await Promise.race([frame, late])).to.equal('frame');
    });

    it('fires focus and blur events', async () => {
      const {input} = await focusedInput();
      const events: string[] = [];
      input.addEventListener('blur', () => events.push('blur'));
      input.addEventListener('focus', () => events.push('focus'));
      input.blur();
      input.focus();
      expect(events).to.deep.equal(['blur', 'focus']);
    });
  });

  describe('sendKeys', () => {
    it('types one key after another, as a person does', async () => {
      const {input, events} = await focusedInput();
      await sendKeys({type: 'hello'});
      expect(input.value).to.equal('hello');
      expect(events).to.deep.equal(['down:h', 'up:h', 'down:e', 'up:e', 'down:l', 'up:l', 'down:l', 'up:l', 'down:o', 'up:o']);
    });

    it('presses named keys', async () => {
      const {input} = await focusedInput();
      await sendKeys({type: 'abc'});
      await sendKeys({press: 'Backspace'});
      await sendKeys({press: 'ArrowLeft'});
      await sendKeys({press: 'x'});
      expect(input.value).to.equal('axb');
    });

    it('holds a modifier down until it is released', async () => {
      const {input} = await focusedInput();
      const shifted: boolean[] = [];
      input.addEventListener('keydown', (e) => shifted.push(e.shiftKey));
      await sendKeys({down: 'Shift'});
      await sendKeys({press: 'a'});
      await sendKeys({up: 'Shift'});
      await sendKeys({press: 'b'});
      // Shift, a (with Shift held), b (after release). The typed text differs: Chromium's
      // puppeteer keyboard types "a" while Shift is held, Firefox and WebKit type "A".
      expect(shifted).to.deep.equal([true, true, false]);
      expect(input.value.toLowerCase()).to.equal('ab');
    });

    it('moves focus backwards with Shift+Tab', async () => {
      const {input} = await focusedInput();
      await sendKeys({down: 'Shift'});
      await sendKeys({press: 'Tab'});
      await sendKeys({up: 'Shift'});
      expect(document.activeElement).to.not.equal(input);
      expect(document.activeElement?.id).to.equal('one');
    });

    it('types Japanese text into the focused field', async () => {
      const {input} = await focusedInput();
      await sendKeys({type: 'そねっと'});
      expect(input.value).to.equal('そねっと');
    });
  });

  describe('setViewport', () => {
    afterEach(() => setViewport({width: 800, height: 600}));

    it('sets the page viewport (200% zoom of a 1280 px screen)', async () => {
      await setViewport({width: 640, height: 480});
      expect([window.innerWidth, window.innerHeight]).to.deep.equal([640, 480]);
      await setViewport({width: 800, height: 600});
      expect([window.innerWidth, window.innerHeight]).to.deep.equal([800, 600]);
    });

    it('sets a phone-sized viewport in Chromium and Firefox; says why not in WebKit', async () => {
      if (engine === 'webkit') {
        let error: unknown;
        await setViewport({width: 375, height: 667}).catch((e: unknown) => (error = e));
        expect(String(error)).to.match(/minimum width/);
        return;
      }
      await setViewport({width: 375, height: 667});
      expect([window.innerWidth, window.innerHeight]).to.deep.equal([375, 667]);
    });
  });

  describe('emulateMedia', () => {
    afterEach(async () => {
      if (canEmulateMedia) await emulateMedia({colorScheme: 'light', forcedColors: 'none', reducedMotion: 'no-preference'});
    });

    it('emulates dark mode, reduced motion and forced colors in Chromium; rejects with the reason elsewhere', async () => {
      if (!canEmulateMedia) {
        let error: unknown;
        await emulateMedia({colorScheme: 'dark'}).catch((e: unknown) => (error = e));
        expect(String(error)).to.match(/not available in (Firefox|WebKit)/);
        return;
      }
      await emulateMedia({colorScheme: 'dark', reducedMotion: 'reduce', forcedColors: 'active'});
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    });
  });

  describe('a11ySnapshot', () => {
    it('returns the accessibility tree in Chromium; rejects with the reason elsewhere', async () => {
      await fixture(html`<button>送信</button>`);
      if (!canSnapshotAccessibility) {
        let error: unknown;
        await a11ySnapshot({}).catch((e: unknown) => (error = e));
        expect(String(error)).to.match(/not available in (Firefox|WebKit)/);
        return;
      }
      const snapshot = JSON.stringify(await a11ySnapshot({}));
      expect(snapshot).to.contain('送信');
    });
  });
});
