// Server commands (@web/test-runner-commands) that work the same in Chromium, Firefox and WebKit,
// or fail with a message that names the engine and says what to do — never silently.
//
//   command           Chromium (CDP)   Firefox (BiDi)        WebKit (WebDriver classic)
//   sendKeys type     yes              yes                   yes, one key after another
//   sendKeys press    yes              yes                   yes
//   sendKeys down/up  yes              yes                   yes (WebDriver key actions)
//   setViewport       yes              yes                   yes (window resize)
//   emulateMedia      yes, + forcedColors  no                no
//   a11ySnapshot      yes              no                    no
//   sendMouse, selectOption: the stock plugins (all three).
//
// The stock command plugins come before the config's plugins and throw for the engines they do
// not know (setViewport on webdriver), or ignore a field (emulateMedia's forcedColors under
// puppeteer, so a forced-colors test would pass without forced colors). `runsFirst()` puts this
// plugin ahead of them.

const NOT_AVAILABLE = {
  'emulate-media':
    'emulateMedia() is not available in %s: only Chromium (DevTools protocol) emulates media features here. ' +
    'Skip this step outside Chromium with a reason, e.g. `if (!canEmulateMedia) this.skip()` (test/support/engine.ts).',
  'a11y-snapshot':
    'a11ySnapshot() is not available in %s: only Chromium (DevTools protocol) exposes the accessibility tree here. ' +
    'Skip this step outside Chromium with a reason, or assert on roles/names in the DOM (and axe) instead.',
};

/** The engine behind a test session: 'chromium' | 'firefox' | 'webkit'. */
function engineOf(session) {
  return String(session.browser.name).toLowerCase();
}

export function engineCommandsPlugin() {
  return {
    name: 'engine-commands',

    async executeCommand({command, payload, session}) {
      const engine = engineOf(session);
      const browser = session.browser;

      if (command === 'emulate-media' || command === 'a11y-snapshot') {
        if (engine !== 'chromium') {
          throw new Error(NOT_AVAILABLE[command].replace('%s', session.browser.name));
        }
        if (command === 'a11y-snapshot') return undefined; // the stock plugin serves Chromium
        const page = browser.getPage(session.id);
        const {media, colorScheme, reducedMotion, forcedColors} = payload ?? {};
        const features = [
          ['prefers-color-scheme', colorScheme],
          ['prefers-reduced-motion', reducedMotion],
          ['forced-colors', forcedColors],
        ]
          .filter(([, value]) => value != null)
          .map(([name, value]) => ({name, value}));
        await page.emulateMediaFeatures(features);
        if (media != null) await page.emulateMediaType(media);
        return true;
      }

      if (browser.type !== 'webdriver') return undefined;

      if (command === 'set-viewport') {
        const {width, height} = payload ?? {};
        if (!Number.isInteger(width) || !Number.isInteger(height)) {
          throw new Error('setViewport() needs integer width and height.');
        }
        await browser.setViewport(session.id, {width, height});
        return true;
      }

      if (command === 'send-keys') {
        if (typeof payload?.type === 'string') {
          await browser.sendKeys(session.id, [...new Intl.Segmenter().segment(payload.type)].map((s) => s.segment));
        } else if (typeof payload?.press === 'string') {
          await browser.sendKeys(session.id, [payload.press]);
        } else if (typeof payload?.down === 'string') {
          await browser.keyDown(session.id, payload.down);
        } else if (typeof payload?.up === 'string') {
          await browser.keyUp(session.id, payload.up);
        } else {
          throw new Error('sendKeys() needs one of type, press, down or up.');
        }
        return true;
      }
      return undefined;
    },
  };
}

/**
 * Makes `plugin` answer commands before the runner's stock command plugins. The runner hands its
 * final plugin list (stock plugins first) to every launcher's initialize(); `launcher` moves
 * `plugin` to the front of that list there, before any test sends a command.
 */
export function runsFirst(plugin, launcher) {
  const initialize = launcher.initialize?.bind(launcher);
  launcher.initialize = async (config, testFiles) => {
    const list = config.plugins ?? [];
    const index = list.indexOf(plugin);
    if (index > 0) list.unshift(...list.splice(index, 1));
    return initialize?.(config, testFiles);
  };
  return launcher;
}
