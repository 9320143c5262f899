// Server command for tests that need a page to lose part of the network (Chromium only, through
// the DevTools protocol's Fetch domain on that page alone — other test pages run at the same time
// and must not be affected):
// - `fail-requests` {pattern}: every later request of the calling page whose URL matches the
//   pattern (`*` wildcards) fails as if the connection had dropped. Returns false where the
//   browser cannot do it (Firefox over WebDriver BiDi, WebKit), so the test can skip.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function networkCommandsPlugin() {
  return {
    name: 'network-commands',
    async executeCommand({command, payload, session}) {
      if (command !== 'fail-requests') return undefined;
      const browser = session.browser;
      if (browser.type !== 'puppeteer' || String(browser.name).toLowerCase() !== 'chromium') return false;
      const page = browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      cdp.on('Fetch.requestPaused', ({requestId}) => {
        cdp.send('Fetch.failRequest', {requestId, errorReason: 'InternetDisconnected'}).catch(() => {});
      });
      await cdp.send('Fetch.enable', {patterns: [{urlPattern: String(payload?.pattern ?? '')}]});
      return true;
    },
  };
}
