// Dev-server middleware for tests of a page that loses the connection after it loaded:
// `/__offline/<path>` serves `/<path>` as usual, except modules whose path contains
// `.behaviour.` (the login form's behaviour module), which fail with 503 as if offline;
// `/__offline-help/<path>` likewise fails `<sonet-error-help>`'s module (what a failed login loads).
// A test page imports the element from under a prefix (`/__offline/src/…`), so its relative
// `import()`s — and only that page's, at URLs no other test page requests, so no browser cache
// shares them — go through here. Works the same in every engine.
/** Each prefix and the modules that fail under it. */
const OFFLINE = [
  ['/__offline/', /\.behaviour\./],
  ['/__offline-help/', /\/components\/error-help\/error-help\.[jt]s$/],
];

/**
 * The dev server resolves a bare import (`@lit/reactive-element`) to a path relative to the file,
 * as served without the prefix: `./../../../node_modules/…`. Under the prefix that would load a
 * second copy of each package (`/__offline/node_modules/…`: two ReactiveElements, two lit-localize
 * runtimes beside the test page's own, and Lit's "Multiple versions of Lit loaded"). Only the
 * library's own modules need another URL, so packages are imported from their one URL.
 */
async function servedWithSharedPackages(ctx, next) {
  await next();
  if (typeof ctx.body === 'string' && ctx.response.is('js')) {
    ctx.body = ctx.body.replace(/(["'])(?:\.\/)?(?:\.\.\/)+node_modules\//g, '$1/node_modules/');
  }
}

/** @returns {import('koa').Middleware} */
export function offlineModulesMiddleware() {
  return async function offlineModules(ctx, next) {
    const [prefix, failing] = OFFLINE.find(([p]) => ctx.path.startsWith(p)) ?? [];
    if (!prefix) return next();
    ctx.set('Cache-Control', 'no-store');
    if (failing.test(ctx.path)) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'offline';
      return;
    }
    ctx.url = ctx.url.slice(prefix.length - 1);
    return servedWithSharedPackages(ctx, next);
  };
}

// `/__held/<token>/<path>` serves `/<path>`, but holds the login form's modules loaded after its
// skeleton (`.fields.`, `.behaviour.`) until a test page sends the `release-behaviour` command
// with the same token: the page sees the
// login form's skeleton for as long as it likes before the behaviour arrives (the hand-over tests).
// A token per page keeps pages of different engines apart.
const HELD = /^\/__held\/([\w-]+)\//;
/** token → [promise, release] */
const gates = new Map();
function gate(token) {
  if (!gates.has(token)) {
    let release;
    const promise = new Promise((resolve) => (release = resolve));
    gates.set(token, [promise, release]);
  }
  return gates.get(token);
}

/** @returns {import('koa').Middleware} */
export function heldModulesMiddleware() {
  return async function heldModules(ctx, next) {
    const match = HELD.exec(ctx.path);
    if (!match) return next();
    ctx.set('Cache-Control', 'no-store');
    if (/\.(fields|behaviour)\./.test(ctx.path)) await gate(match[1])[0];
    ctx.url = ctx.url.slice(match[0].length - 1);
    return servedWithSharedPackages(ctx, next);
  };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function heldModulesPlugin() {
  return {
    name: 'held-modules',
    executeCommand({command, payload}) {
      if (command !== 'release-behaviour') return undefined;
      gate(String(payload?.token))[1]();
      return true;
    },
  };
}
