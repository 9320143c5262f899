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
