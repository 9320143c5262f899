// web-test-runner plugin: server commands that need the DevTools protocol of the test's page.
//
// - `form-audit`: runs Chromium's own form audit — the checks DevTools shows under "Issues" and
//   that its password manager relies on (labels, autocomplete values, duplicate ids, inputs
//   without id and name) — and returns the issues of elements currently in the document as
//   `[{errorType, violatingNodeAttribute?, node}]`, where `node` is a short description
//   (`input#id[name=…]`) of the element at fault. An empty array means no issue.
// - `emulate-focus`: makes the page behave as focused (CDP `Emulation.setFocusEmulationEnabled`).
//   Test files run in parallel pages; only one of them has the browser's focus, and focus /
//   blur events do not fire in the others. Tests about focus call it once in `before()`.
//
// Both need the DevTools protocol, so Chromium; in Firefox and WebKit `form-audit` returns `false`
// (tests skip the audit there) and `emulate-focus` returns `false` (those engines run one page
// at a time or keep focus events working in background pages).
//
// Used from a test:
//   import {executeServerCommand} from '@web/test-runner-commands';
//   const issues = await executeServerCommand('form-audit');

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function formAuditPlugin() {
  /** One CDP session per page, kept while the page lives. */
  const sessions = new WeakMap();

  async function cdpFor(session) {
    // Chromium only: Firefox runs under puppeteer too, but over WebDriver BiDi (no CDP sessions).
    const browser = session.browser;
    if (browser.type !== 'puppeteer' || String(browser.name).toLowerCase() !== 'chromium') return null;
    const page = browser.getPage(session.id);
    let cdp = sessions.get(page);
    if (!cdp) {
      try {
        cdp = await page.createCDPSession();
      } catch {
        return null;
      }
      sessions.set(page, cdp);
    }
    return cdp;
  }

  /**
   * A short description of the node (`input#id[name=…]`), or null when it is no longer in the
   * document: the protocol replays the issues of every fixture the page ever had, and only the
   * current DOM is under test.
   */
  async function describeConnected(cdp, backendNodeId) {
    if (!backendNodeId) return '(no node)';
    try {
      const {object} = await cdp.send('DOM.resolveNode', {backendNodeId});
      const {result} = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration:
          'function () { return this.isConnected ? this.localName + (this.id ? "#" + this.id : "") + ' +
          '(this.getAttribute("name") ? "[name=" + this.getAttribute("name") + "]" : "") : null; }',
        returnByValue: true,
      });
      await cdp.send('Runtime.releaseObject', {objectId: object.objectId}).catch(() => {});
      return result.value ?? null;
    } catch {
      return null;
    }
  }

  return {
    name: 'form-audit',
    async executeCommand({command, session}) {
      if (command === 'emulate-focus') {
        const cdp = await cdpFor(session);
        if (!cdp) return false;
        await cdp.send('Emulation.setFocusEmulationEnabled', {enabled: true});
        return true;
      }
      if (command !== 'form-audit') return undefined;
      const cdp = await cdpFor(session);
      // `false`, not null: the runner reads null as "no plugin handled the command".
      if (!cdp) return false;
      const added = [];
      const onIssue = ({issue}) => {
        if (issue.code === 'GenericIssue' && issue.details?.genericIssueDetails) {
          added.push(issue.details.genericIssueDetails);
        }
      };
      cdp.on('Audits.issueAdded', onIssue);
      try {
        await cdp.send('DOM.enable');
        await cdp.send('Audits.enable');
        const {formIssues = []} = await cdp.send('Audits.checkFormsIssues');
        // Issues found earlier arrive as events right after Audits.enable; give them a moment.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const seen = new Set();
        const result = [];
        for (const details of [...formIssues, ...added]) {
          if (!String(details.errorType).startsWith('Form')) continue;
          const key = `${details.errorType}|${details.violatingNodeId}|${details.violatingNodeAttribute}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const node = await describeConnected(cdp, details.violatingNodeId);
          if (node === null) continue;
          result.push({errorType: details.errorType, violatingNodeAttribute: details.violatingNodeAttribute, node});
        }
        return result;
      } finally {
        cdp.off('Audits.issueAdded', onIssue);
        await cdp.send('Audits.disable').catch(() => {});
      }
    },
  };
}
