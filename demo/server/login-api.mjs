// A simulated So-net login server as Koa middleware for @web/dev-server and
// @web/test-runner (`middleware: [loginApiMiddleware({fastLock: true})]`). It answers only
// /api/*; every other request goes on to the next middleware (the static file server).
//
// Endpoints (details in demo/README.md):
//   POST /api/login                 user_id (or userId) + password; JSON, urlencoded or multipart
//   GET  /api/csrf                  {"token"} + the CSRF cookie
//   GET  /api/status.json           maintenance status feed for <sonet-maintenance-notice>
//   GET|POST /api/demo/maintenance  ?on=1|0 global maintenance switch (no `on`: read it)
//   GET|POST /api/demo/incident     ?on=1|0 current-incident switch for the status feed
//   POST /api/demo/reset-password   the seed's "re-set": lifts no lock
//   POST /api/demo/reset            forget every failure, lock and switch
//   GET  /api/demo/state            switches and failure counts, for the demo page
//
// Security: request bodies are never logged (the optional `log` gets method, path, status and
// code only), bodies over 64 KB are refused with 413, server text is escaped into HTML, and
// JSON is parsed with JSON.parse only.
import {randomBytes} from 'node:crypto';
import {LoginState, WELCOME_PATH, safeEqual} from './login-state.mjs';

/** Name of the cookie that holds the CSRF token (double-submit: header or `_csrf` field). */
export const CSRF_COOKIE = 'sonet_demo_csrf';
/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** An error answered with `status` and `{"code"}`. */
class ApiError extends Error {
  constructor(status, code, headers = {}) {
    super(code);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/**
 * Creates the login API middleware. Each call has its own state.
 *
 * @param {object} [options]
 * @param {boolean} [options.fastLock] Locks last 30 s instead of 10 minutes (for tests).
 * @param {number} [options.lockMs] Lock length in ms (wins over `fastLock`).
 * @param {number} [options.maxFailures] Consecutive failures that lock an ID (5).
 * @param {number} [options.slowMs] How long `slow@aa2` takes (20 000 ms).
 * @param {number} [options.maintenanceMs] Length of a maintenance window (1 h).
 * @param {() => number} [options.now] Clock (ms since the epoch).
 * @param {string} [options.demoPath] Page that error pages link back to ('/demo/').
 * @param {(entry: {method: string, path: string, status: number, code?: string}) => void} [options.log]
 *   Called once per API response; never receives a body, user ID or password.
 * @returns {import('koa').Middleware & {state: LoginState}}
 *
 * @example
 * // web-test-runner.config.mjs
 * import {loginApiMiddleware} from './demo/server/login-api.mjs';
 * export default {middleware: [loginApiMiddleware({fastLock: true})]};
 */
export function loginApiMiddleware(options = {}) {
  const lockMs = options.lockMs ?? (options.fastLock ? 30_000 : undefined);
  const state = new LoginState({
    now: options.now,
    lockMs,
    maxFailures: options.maxFailures,
    slowMs: options.slowMs,
    maintenanceMs: options.maintenanceMs,
  });
  const demoPath = options.demoPath ?? '/demo/';
  const log = options.log;

  const routes = {
    '/api/login': {POST: (ctx) => login(ctx)},
    '/api/csrf': {GET: (ctx) => csrf(ctx)},
    '/api/status.json': {GET: (ctx) => sendJson(ctx, 200, state.statusFeed())},
    '/api/demo/maintenance': {
      GET: (ctx) => toggle(ctx, (on) => state.setMaintenance(on)),
      POST: (ctx) => toggle(ctx, (on) => state.setMaintenance(on)),
    },
    '/api/demo/incident': {
      GET: (ctx) => toggle(ctx, (on) => state.setIncident(on)),
      POST: (ctx) => toggle(ctx, (on) => state.setIncident(on)),
    },
    '/api/demo/reset-password': {POST: (ctx) => resetPassword(ctx)},
    '/api/demo/reset': {
      POST: (ctx) => {
        state.reset();
        return demoAnswer(ctx, {ok: true, ...state.snapshot()});
      },
    },
    '/api/demo/state': {GET: (ctx) => sendJson(ctx, 200, state.snapshot())},
  };

  async function middleware(ctx, next) {
    if (ctx.path !== '/api' && !ctx.path.startsWith('/api/')) return next();
    try {
      const route = routes[ctx.path];
      if (!route) throw new ApiError(404, 'not_found');
      const method = ctx.method === 'HEAD' && route.GET ? 'GET' : ctx.method;
      const handler = route[method];
      if (!handler) throw new ApiError(405, 'method_not_allowed', {Allow: Object.keys(route).join(', ')});
      await handler(ctx);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
      if (wantsHtml(ctx) && ctx.path === '/api/login') sendHtml(ctx, error.status, errorPage(error.code, {demoPath}));
      else sendJson(ctx, error.status, {code: error.code});
    }
    if (log) {
      const closed = !ctx.writable;
      log({method: ctx.method, path: ctx.path, status: closed ? 0 : ctx.status, code: closed ? 'client_closed' : ctx.state.sonetCode});
    }
  }

  async function login(ctx) {
    const fields = await readFields(ctx);
    const cookieToken = ctx.cookies.get(CSRF_COOKIE);
    if (cookieToken) {
      const sent = ctx.get('X-CSRF-Token') || fields._csrf || '';
      if (!safeEqual(sent, cookieToken)) throw new ApiError(403, 'csrf');
    }
    const outcome = state.attempt({userId: fields.user_id ?? fields.userId, password: fields.password});
    ctx.state.sonetCode = outcome.code;
    if (outcome.delayMs && !(await delayUnlessClosed(ctx, outcome.delayMs))) return;
    if (outcome.retryAfter) ctx.set('Retry-After', String(outcome.retryAfter));
    if (outcome.html === 'error500') return sendHtml(ctx, outcome.status, error500Page());
    if (outcome.html === 'html503') return sendHtml(ctx, outcome.status, html503Page());
    if (wantsHtml(ctx)) {
      if (outcome.ok) return seeOther(ctx, outcome.redirect);
      return sendHtml(ctx, outcome.status, errorPage(outcome.code, {demoPath, retryAfter: outcome.retryAfter}));
    }
    return sendJson(ctx, outcome.status, outcome.ok ? {ok: true, redirect: outcome.redirect} : {code: outcome.code});
  }

  function csrf(ctx) {
    const existing = ctx.cookies.get(CSRF_COOKIE);
    const token = existing && TOKEN_PATTERN.test(existing) ? existing : randomBytes(32).toString('base64url');
    ctx.cookies.set(CSRF_COOKIE, token, {httpOnly: true, sameSite: 'strict', path: '/', signed: false, overwrite: true});
    sendJson(ctx, 200, {token});
  }

  async function toggle(ctx, set) {
    const on = ctx.query.on;
    if (on !== undefined) {
      if (on !== '1' && on !== '0') throw new ApiError(400, 'bad_request');
      set(on === '1');
    }
    return demoAnswer(ctx, state.snapshot());
  }

  async function resetPassword(ctx) {
    const fields = await readFields(ctx, {allowEmpty: true});
    return demoAnswer(ctx, state.resetPassword(fields.user_id ?? fields.userId));
  }

  /** A demo switch answers JSON to scripts and sends a form back to the demo page. */
  function demoAnswer(ctx, body) {
    if (wantsHtml(ctx)) return seeOther(ctx, `${demoPath}#demo-controls`);
    sendJson(ctx, 200, body);
  }

  middleware.state = state;
  return middleware;
}

/** Whether the client prefers HTML (a native form post or a link) over JSON (fetch). */
function wantsHtml(ctx) {
  return ctx.accepts('json', 'html') === 'html';
}

function noStore(ctx) {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
}

/** 303 See Other: the browser follows with a GET, so reloading never re-posts the form. */
function seeOther(ctx, location) {
  noStore(ctx);
  ctx.status = 303;
  ctx.redirect(location);
}

function sendJson(ctx, status, body) {
  noStore(ctx);
  if (body && typeof body.code === 'string') ctx.state.sonetCode = body.code;
  ctx.status = status;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = JSON.stringify(body);
}

function sendHtml(ctx, status, html) {
  noStore(ctx);
  // The pages carry no script; the stylesheet is the demo's own.
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

/**
 * Reads and parses the request body (≤ {@link MAX_BODY_BYTES}) into string fields.
 * @returns {Promise<Record<string, string>>}
 */
async function readFields(ctx, {allowEmpty = false} = {}) {
  const type = (ctx.get('Content-Type').split(';')[0] || '').trim().toLowerCase();
  const declared = Number(ctx.get('Content-Length') || 0);
  if (declared > MAX_BODY_BYTES) tooLarge(ctx);
  if (!type) {
    if (allowEmpty) return {};
    throw new ApiError(415, 'unsupported_media_type');
  }
  if (!['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'].includes(type)) {
    throw new ApiError(415, 'unsupported_media_type');
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge(ctx);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  const fields = Object.create(null);
  if (type === 'application/json') {
    let data;
    try {
      data = JSON.parse(raw.toString('utf8') || 'null');
    } catch {
      throw new ApiError(400, 'bad_request');
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ApiError(400, 'bad_request');
    for (const [key, value] of Object.entries(data)) if (typeof value === 'string') fields[key] = value;
    return fields;
  }
  let form;
  try {
    // The platform's own parser (undici) for both form encodings.
    form = await new Response(raw, {headers: {'Content-Type': ctx.get('Content-Type')}}).formData();
  } catch {
    throw new ApiError(400, 'bad_request');
  }
  for (const [key, value] of form) if (typeof value === 'string' && !(key in fields)) fields[key] = value;
  return fields;
}

function tooLarge(ctx) {
  // The rest of the body is not read: close the connection rather than drain it.
  throw new ApiError(413, 'payload_too_large', {Connection: 'close'});
}

/**
 * Waits `ms`, or less if the client goes away. The timer never holds the process open.
 * @returns {Promise<boolean>} whether the client is still there.
 */
function delayUnlessClosed(ctx, ms) {
  return new Promise((resolve) => {
    const {res} = ctx;
    if (res.destroyed || res.writableEnded) return resolve(false);
    const done = (connected) => {
      clearTimeout(timer);
      res.off('close', onClose);
      resolve(connected);
    };
    // `close` on the response before it was written means the client disconnected.
    const onClose = () => done(false);
    const timer = setTimeout(() => done(!res.destroyed), ms);
    timer.unref();
    res.on('close', onClose);
  });
}

// ---------------------------------------------------------------------------------------------
// Server-rendered pages. Every interpolated value is escaped; codes come from a fixed set anyway.

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

/** Messages of the native-form error page, in the words of the seed pages. */
const ERROR_TEXT = {
  invalid_credentials: {
    ja: 'ユーザーID や ユーザーIDパスワードが正しくありません。すべて半角英数で、大文字・小文字の区別に注意してご入力ください。',
    en: 'The user ID or user ID password is incorrect. Type both in half-width letters and digits, minding upper and lower case.',
  },
  SS503: {
    ja: 'ログインの失敗が一定回数を超えたため、アクセスを制限しています。しばらく時間を置いてから、再度ログインをお試しください。',
    en: 'Access is restricted because logging in failed too many times. Please wait a while, then try again.',
  },
  ce500: {
    ja: 'ログイン後に、本来表示したかったページへうまく移動できませんでした。ブラウザの戻るボタンなどで一度お戻りいただき、リンクなどから再度アクセスしてください。',
    en: 'After logging in, the page you wanted could not be opened. Go back with the browser’s Back button and open the page again from a link.',
  },
  maintenance: {
    ja: 'ただいまメンテナンス中のため、ログインできません。終了後に、再度ログインをお試しください。',
    en: 'Logging in is not possible during maintenance. Please try again when it has finished.',
  },
  locked: {
    ja: 'このユーザーID はロックされています。時間を置いてから、再度ログインをお試しください。',
    en: 'This user ID is locked. Please wait, then try again.',
  },
  missing_fields: {
    ja: 'ユーザーID とユーザーIDパスワードを入力してください。',
    en: 'Enter both your user ID and your user ID password.',
  },
  csrf: {
    ja: 'ページの有効期限が切れました。ログイン画面を再読み込みしてから、もう一度お試しください。',
    en: 'This page has expired. Reload the login page, then try again.',
  },
};
const GENERIC_TEXT = {
  ja: 'リクエストを処理できませんでした。ログイン画面から、もう一度お試しください。',
  en: 'The request could not be processed. Please try again from the login page.',
};

function page({title, lang = 'ja', body}) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body class="server-page">
<main class="server-page__main">
${body}
</main>
</body>
</html>
`;
}

/** The page a native (no-JavaScript) form post gets on failure: message, 「コード:…」, way back. */
export function errorPage(code, {demoPath = '/demo/', retryAfter} = {}) {
  const text = ERROR_TEXT[code] ?? GENERIC_TEXT;
  const back = `${demoPath}?error=${encodeURIComponent(code)}`;
  const minutes = retryAfter ? Math.ceil(retryAfter / 60) : 0;
  const wait = minutes
    ? `<p>約 ${minutes} 分後に、再度お試しいただけます。</p>\n`
    : '';
  const waitEn = minutes ? `<p>You can try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.</p>\n` : '';
  return page({
    title: 'ログインできませんでした | So-net ログイン デモ',
    body: `<h1>ログインできませんでした</h1>
<p>${escapeHtml(text.ja)}</p>
${wait}<p class="server-page__code">コード:${escapeHtml(code)}</p>
<p><a href="${escapeHtml(back)}">ログイン画面に戻る</a></p>
<section lang="en" class="server-page__en">
<h2>Could not log in</h2>
<p>${escapeHtml(text.en)}</p>
${waitEn}<p class="server-page__code">Code: ${escapeHtml(code)}</p>
<p><a href="${escapeHtml(back)}">Back to the login page</a></p>
</section>`,
  });
}

/** What So-net's servers answer when they break (seed: 「コード:500」や「エラー」). */
export function error500Page() {
  return page({
    title: 'エラー',
    body: `<h1>エラー</h1>
<p>エラーが発生しました コード:500</p>
<p>しばらくしてから再度アクセスしてください。</p>`,
  });
}

/** The access-restriction page as another So-net server writes it: full-width colon. */
export function html503Page() {
  return page({
    title: 'アクセス制限',
    body: `<h1>ただいまアクセスを制限しています</h1>
<p>コード：SS503</p>
<p>しばらく時間を置いてから、再度ログインをお試しください。</p>`,
  });
}
