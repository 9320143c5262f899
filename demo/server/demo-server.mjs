// Starts the demo site: @web/dev-server's middleware stack (static files, node resolve) plus the
// simulated login API, on an HTTP server of our own so that it listens on loopback only.
//
// Why not let the dev server listen itself: it binds every interface when the host is
// `localhost`, and it serves dotfiles and, through `/__wds-outside-root__/<n>/`, any file above
// its root. A demo of a login page has no business exposing the checkout to the network, so
// this server binds 127.0.0.1 (HOST to change it) and serves only the demo's own paths.
import http from 'node:http';
import {fileURLToPath} from 'node:url';
import {startDevServer} from '@web/dev-server';
import {loginApiMiddleware} from './login-api.mjs';

/** The repository root (the dev server's root directory). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Paths the demo serves; everything else is 404. */
const ALLOWED = ['/demo/', '/dist/', '/api/', '/node_modules/'];

/** The policy the demo pages are served with: no inline script or style anywhere. */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Redirects `/` to the demo, refuses paths outside the demo, and adds the demo's headers. */
export function demoSiteMiddleware({demoPath = '/demo/'} = {}) {
  return async function demoSite(ctx, next) {
    if (ctx.path === '/' || ctx.path === demoPath.replace(/\/$/, '')) {
      ctx.redirect(demoPath);
      return;
    }
    const decoded = safeDecode(ctx.path);
    if (!ALLOWED.some((prefix) => ctx.path.startsWith(prefix)) || decoded === null || /(^|\/)\./.test(decoded)) {
      ctx.status = 404;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Not found';
      return;
    }
    await next();
    if (ctx.path.startsWith(demoPath) && (ctx.path.endsWith('/') || ctx.path.endsWith('.html'))) {
      ctx.set('Content-Security-Policy', DEMO_CSP);
      ctx.set('Referrer-Policy', 'same-origin');
      ctx.set('X-Content-Type-Options', 'nosniff');
    }
  };
}

function safeDecode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Starts the demo server.
 *
 * @param {object} [options]
 * @param {number} [options.port] First port to try (8000); 0 picks any free port.
 * @param {string} [options.host] Interface to listen on ('127.0.0.1').
 * @param {number} [options.portAttempts] How many ports to try upwards when one is taken (20).
 * @param {string} [options.rootDir] Directory served (the repository root).
 * @param {Parameters<typeof loginApiMiddleware>[0]} [options.api] Options of the login API.
 * @returns {Promise<{url: string, port: number, host: string, api: ReturnType<typeof loginApiMiddleware>, stop: () => Promise<void>}>}
 *
 * @example
 * const server = await startDemoServer({port: 0, api: {fastLock: true}});
 * await fetch(`${server.url}api/status.json`);
 * await server.stop();
 */
export async function startDemoServer(options = {}) {
  const {port = 8000, host = '127.0.0.1', portAttempts = 20, rootDir = REPO_ROOT} = options;
  const api = loginApiMiddleware(options.api);
  const devServer = await startDevServer({
    config: {
      rootDir,
      port,
      nodeResolve: true,
      middlewareMode: true,
      middleware: [demoSiteMiddleware(), api],
    },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  const server = http.createServer(devServer.koaApp.callback());
  let bound;
  try {
    bound = await listen(server, port, host, port === 0 ? 1 : portAttempts);
  } catch (error) {
    await devServer.stop();
    throw error;
  }
  const urlHost = host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${urlHost}:${bound}/`,
    port: bound,
    host,
    api,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
      await devServer.stop();
    },
  };
}

/** Listens on `port`, or the next free one up to `attempts` ports higher. */
async function listen(server, port, host, attempts) {
  for (let i = 0; i < attempts; i++) {
    try {
      await new Promise((resolve, reject) => {
        const onError = (error) => {
          server.off('listening', onListening);
          reject(error);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port === 0 ? 0 : port + i, host);
      });
      return server.address().port;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || i === attempts - 1) throw error;
    }
  }
  throw new Error('unreachable');
}
