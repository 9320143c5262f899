// Dev-server middleware for tests of a page that loses the connection after it loaded:
// `/__offline/<path>` serves `/<path>` as usual, except modules whose path contains
// `.behaviour.` (the login form's behaviour module), which fail with 503 as if offline. A test page
// imports the element from `/__offline/src/…`, so its relative `import()`s — and only that page's,
// at URLs no other test page requests, so no browser cache shares them — go through here. Works
// the same in every engine.
const PREFIX = '/__offline/';

/** @returns {import('koa').Middleware} */
export function offlineModulesMiddleware() {
  return async function offlineModules(ctx, next) {
    if (!ctx.path.startsWith(PREFIX)) return next();
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path.includes('.behaviour.')) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'offline';
      return;
    }
    ctx.url = ctx.url.slice(PREFIX.length - 1);
    return next();
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
    return next();
  };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function heldModulesPlugin() {
  return {
    name: 'held-modules',
    executeCommand({command, payload}) {
      if (command === 'debug-log') { console.error('DBG', JSON.stringify(payload)); return true; }
      if (command !== 'release-behaviour') return undefined;
      gate(String(payload?.token))[1]();
      return true;
    },
  };
}
