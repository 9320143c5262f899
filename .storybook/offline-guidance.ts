import {fileURLToPath} from 'node:url';
import type {Plugin} from 'vite';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const BEHAVIOUR = path('../src/components/login-form/login-form.behaviour.ts');
const ERROR_HELP = path('../src/components/error-help/error-help.ts');
const OFFLINE = path('../stories/offline.ts');
const GATE = '\0sonet-offline-guidance';

/**
 * Storybook's stand-in for a member who went offline after the page loaded, as the test runner's
 * is `/__offline-help/` (test/plugins/offline-modules.mjs); a static Storybook has no server to
 * fail a request. In Storybook's build only, the login form's behaviour imports
 * `<sonet-error-help>`'s module through a gate that throws, as a failed import does, once a
 * story has called `loseConnection()` (stories/offline.ts): the form's own code then shows its
 * fallback. A module that throws stays failed in its page, so such a story has a page of its
 * own (`ownPage` in .storybook/preview.ts). The library's build is untouched.
 */
export function offlineGuidance(): Plugin {
  return {
    name: 'sonet-offline-guidance',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.split('?')[0] === BEHAVIOUR && source === '../error-help/error-help.js') return GATE;
      return null;
    },
    load(id) {
      if (id !== GATE) return null;
      return [
        `import {offline} from ${JSON.stringify(OFFLINE)};`,
        `export * from ${JSON.stringify(ERROR_HELP)};`,
        `if (offline()) throw new TypeError('Failed to fetch dynamically imported module (Storybook: offline)');`,
      ].join('\n');
    },
  };
}
