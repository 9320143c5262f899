// web-test-runner middleware and server command for the security tests (test/security/).
//
// Middleware (`securityMiddleware()`, in the config's `middleware`), all under /__security/:
// - `/__security/csp/<name>.html`: a page served with a real `Content-Security-Policy` header
//   (script-src 'self'; style-src 'self'; require-trusted-types-for 'script') that loads
//   `test/security/csp-page.ts` — through the same dev server, which transforms TypeScript and
//   resolves bare imports on the fly. The tests load it in an iframe and drive every element
//   there, counting `securitypolicyviolation` events. The page is answered here, before the dev
//   server's transforms, so nothing (no injected inline script) is added to it.
// - `/__security/api/…`: the demo's simulated So-net login server (demo/server/login-api.mjs) as
//   `/api/…`, with a state of its own per test run; `slow@aa2` answers after 60 s, so a form's
//   timeout always comes first.
// - `/__security/no-content`: answers a (native) form post with 204, so the test page stays.
// - `/__security/landing`: a small page for any method, so a native submit into an iframe
//   shows where the browser went (its URL, query string included).
// - `/__security/redirect-away?id=…`: a login endpoint of the page's origin that answers 307 to
//   `/__security/record?id=…` on another origin (`localhost` ↔ `127.0.0.1`, same port), which
//   lets any origin in with any header (the worst case) and keeps what reached it;
//   `/__security/recorded?id=…` lists that, for the test.
//
// Server command (`securityCommandsPlugin()`, in the config's `plugins`):
// - `read-sources`: the library's TypeScript sources as `[{path, text}]` (src/, without the
//   generated src/locales/), for the source audit in test/security/source-audit.test.ts.
import {readdir, readFile} from 'node:fs/promises';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loginApiMiddleware} from '../../demo/server/login-api.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The policy of the CSP test pages (issue 7: "Strict CSP page in the tests"). */
export const STRICT_CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const PREFIX = '/__security';

function cspPage(name) {
  // No inline script or style: the module below is the page's only script, the one stylesheet
  // rule it needs lives in the module's constructed sheet.
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>CSP: ${name}</title>
<link rel="icon" href="data:,">
<script type="module" src="/test/security/csp-page.ts"></script>
</head>
<body>
<main id="stage"></main>
</body>
</html>
`;
}

/** The same port on the other loopback name: another origin for the browser. */
function otherOrigin(host) {
  const [name, port] = host.split(':');
  return `http://${name === '127.0.0.1' ? 'localhost' : '127.0.0.1'}${port ? `:${port}` : ''}`;
}

/** @returns {import('koa').Middleware} */
export function securityMiddleware() {
  const api = loginApiMiddleware({fastLock: true, slowMs: 60_000});
  /** id → what reached the other origin's `/record`. */
  const recorded = new Map();
  return async function security(ctx, next) {
    if (ctx.path !== PREFIX && !ctx.path.startsWith(`${PREFIX}/`)) return next();
    const path = ctx.path.slice(PREFIX.length);
    const csp = /^\/csp\/([a-z0-9-]{1,40})\.html$/.exec(path);
    if (csp && ctx.method === 'GET') {
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = cspPage(csp[1]);
      return;
    }
    if (path === '/no-content') {
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 204;
      return;
    }
    if (path === '/redirect-away') {
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 307;
      ctx.set('Location', `${otherOrigin(ctx.host)}${PREFIX}/record?id=${encodeURIComponent(ctx.query.id ?? '')}`);
      return;
    }
    if (path === '/record') {
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Access-Control-Allow-Origin', ctx.get('Origin') || '*');
      ctx.set('Access-Control-Allow-Methods', 'GET, POST');
      ctx.set('Access-Control-Allow-Headers', ctx.get('Access-Control-Request-Headers') || '*');
      if (ctx.method === 'OPTIONS') {
        ctx.status = 204;
        return;
      }
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      const id = String(ctx.query.id ?? '');
      recorded.set(id, [
        ...(recorded.get(id) ?? []),
        {method: ctx.method, csrf: ctx.get('X-CSRF-Token'), body: Buffer.concat(chunks).toString('utf8')},
      ]);
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ok: true});
      return;
    }
    if (path === '/recorded') {
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(recorded.get(String(ctx.query.id ?? '')) ?? []);
      return;
    }
    if (path === '/landing') {
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = '<!doctype html><title>landing</title><p>landed</p>';
      return;
    }
    if (path.startsWith('/api/')) {
      ctx.path = path;
      return api(ctx, next);
    }
    ctx.status = 404;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = 'Not found';
  };
}

async function listSources(dir) {
  const out = [];
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'locales') out.push(...(await listSources(full)));
    } else if (entry.name.endsWith('.ts')) {
      out.push(full);
    }
  }
  return out;
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function securityCommandsPlugin() {
  return {
    name: 'security-commands',
    async executeCommand({command}) {
      if (command !== 'read-sources') return undefined;
      const files = (await listSources(join(ROOT, 'src'))).sort();
      return Promise.all(
        files.map(async (file) => ({path: relative(ROOT, file).split(sep).join('/'), text: await readFile(file, 'utf8')}))
      );
    },
  };
}
