// End-to-end tests of the demo login API and demo site: a real @web/dev-server stack on a free
// loopback port, driven with fetch. `node --test demo/server/`.
import {after, before, beforeEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import ts from 'typescript';
import {startDemoServer} from './demo-server.mjs';
import {CSRF_COOKIE} from './login-api.mjs';
import {DEMO_PASSWORD, DEMO_USER_ID} from './login-state.mjs';

/**
 * src/lib/status-feed.ts and the src/lib modules it imports, compiled with the project's
 * TypeScript into a temporary folder (as .mjs, so Node reads them as modules), then imported.
 */
async function statusFeedLib() {
  const dir = await mkdtemp(join(tmpdir(), 'sonet-status-feed-'));
  const done = new Set();
  async function compile(name) {
    if (done.has(name)) return;
    done.add(name);
    const source = await readFile(new URL(`../../src/lib/${name}.ts`, import.meta.url), 'utf8');
    const {outputText} = ts.transpileModule(source, {compilerOptions: {module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2021}});
    const deps = [...outputText.matchAll(/from '\.\/([a-z0-9-]+)\.js'/g)].map((m) => m[1]);
    await writeFile(join(dir, `${name}.mjs`), outputText.replace(/from '\.\/([a-z0-9-]+)\.js'/g, "from './$1.mjs'"));
    for (const dep of deps) await compile(dep);
  }
  try {
    await compile('status-feed');
    return await import(pathToFileURL(join(dir, 'status-feed.mjs')).href);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

const JSON_ACCEPT = {Accept: 'application/json'};
// What Chromium sends with a native form post.
const BROWSER_ACCEPT = {
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
};

let server;
let base;
const clock = {t: Date.UTC(2025, 0, 15, 3, 20, 0)};
const logEntries = [];

before(async () => {
  server = await startDemoServer({
    port: 0,
    api: {fastLock: true, now: () => clock.t, slowMs: 300, log: (entry) => logEntries.push(entry)},
  });
  base = `http://127.0.0.1:${server.port}`;
});

after(() => server.stop());

beforeEach(() => server.api.state.reset());

const form = (fields) => new URLSearchParams(fields);
const login = (fields, headers = JSON_ACCEPT) =>
  fetch(`${base}/api/login`, {method: 'POST', headers, body: form(fields), redirect: 'manual'});
const post = (path, init = {}) => fetch(`${base}${path}`, {method: 'POST', headers: JSON_ACCEPT, ...init});

describe('POST /api/login', () => {
  describe('body formats', () => {
    const multipart = () => {
      const body = new FormData();
      body.append('user_id', DEMO_USER_ID);
      body.append('password', DEMO_PASSWORD);
      return body;
    };
    const rows = [
      ['urlencoded', () => ({body: form({user_id: DEMO_USER_ID, password: DEMO_PASSWORD})})],
      ['multipart FormData', () => ({body: multipart()})],
      ['JSON', () => ({body: JSON.stringify({user_id: DEMO_USER_ID, password: DEMO_PASSWORD}), headers: {...JSON_ACCEPT, 'Content-Type': 'application/json'}})],
      ['JSON with userId', () => ({body: JSON.stringify({userId: DEMO_USER_ID, password: DEMO_PASSWORD}), headers: {...JSON_ACCEPT, 'Content-Type': 'application/json'}})],
      ['urlencoded with userId', () => ({body: form({userId: DEMO_USER_ID, password: DEMO_PASSWORD})})],
    ];
    for (const [name, init] of rows) {
      it(`logs the demo account in from a ${name} body`, async () => {
        const res = await post('/api/login', init());
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type'), /^application\/json/);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        assert.deepEqual(await res.json(), {ok: true, redirect: '/demo/welcome.html'});
      });
    }

    const bad = [
      ['malformed JSON', {body: '{"user_id":', headers: {...JSON_ACCEPT, 'Content-Type': 'application/json'}}, 400, 'bad_request'],
      ['a JSON array', {body: '[1]', headers: {...JSON_ACCEPT, 'Content-Type': 'application/json'}}, 400, 'bad_request'],
      ['JSON with non-string fields', {body: '{"user_id":1,"password":true}', headers: {...JSON_ACCEPT, 'Content-Type': 'application/json'}}, 400, 'missing_fields'],
      ['text/plain', {body: 'user_id=x', headers: {...JSON_ACCEPT, 'Content-Type': 'text/plain'}}, 415, 'unsupported_media_type'],
      ['no body', {}, 415, 'unsupported_media_type'],
      ['a broken multipart body', {body: '--x\r\nnonsense', headers: {...JSON_ACCEPT, 'Content-Type': 'multipart/form-data; boundary=x'}}, 400, 'bad_request'],
      ['empty fields', {body: form({user_id: '', password: ''})}, 400, 'missing_fields'],
    ];
    for (const [name, init, status, code] of bad) {
      it(`answers ${status} ${code} to ${name}`, async () => {
        const res = await post('/api/login', init);
        assert.equal(res.status, status);
        assert.deepEqual(await res.json(), {code});
      });
    }

    it('refuses a body over 64 KB announced by Content-Length with 413', async () => {
      const res = await post('/api/login', {body: form({user_id: 'x', password: 'y'.repeat(70_000)})});
      assert.equal(res.status, 413);
      assert.deepEqual(await res.json(), {code: 'payload_too_large'});
    });

    it('refuses a chunked body that grows over 64 KB with 413', async () => {
      const chunk = new TextEncoder().encode('a'.repeat(16 * 1024));
      let sent = 0;
      const body = new ReadableStream({
        pull(controller) {
          if (sent++ < 8) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await post('/api/login', {
        body,
        duplex: 'half',
        headers: {...JSON_ACCEPT, 'Content-Type': 'application/x-www-form-urlencoded'},
      });
      assert.equal(res.status, 413);
    });
  });

  describe('credentials', () => {
    it('answers 401 invalid_credentials to a wrong password', async () => {
      const res = await login({user_id: DEMO_USER_ID, password: 'wrong'});
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), {code: 'invalid_credentials'});
    });

    it('locks after 5 consecutive failures with SS503 and Retry-After 30 s (fastLock), even for the right password', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await login({user_id: DEMO_USER_ID, password: `wrong${i}`})).status, 401);
      const res = await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD});
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '30');
      assert.deepEqual(await res.json(), {code: 'SS503'});
    });

    it('keeps the lock after a password re-set and lifts it when it expires', async () => {
      for (let i = 0; i < 5; i++) await login({user_id: DEMO_USER_ID, password: 'wrong'});
      const reset = await post('/api/demo/reset-password', {body: form({user_id: DEMO_USER_ID})});
      assert.deepEqual(await reset.json(), {ok: true, userId: DEMO_USER_ID, lockLifted: false, locked: true, retryAfter: 30});
      assert.equal((await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD})).status, 503);
      clock.t += 30_000;
      assert.equal((await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD})).status, 200);
    });

    it('clears the lock on POST /api/demo/reset', async () => {
      for (let i = 0; i < 5; i++) await login({user_id: DEMO_USER_ID, password: 'wrong'});
      const res = await post('/api/demo/reset');
      assert.deepEqual(await res.json(), {ok: true, maintenance: false, incident: false, ids: []});
      assert.equal((await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD})).status, 200);
    });
  });

  describe('special IDs', () => {
    const rows = [
      ['ce500@aa2', 500, /^application\/json/, '{"code":"ce500"}', null],
      ['maintenance@aa2', 503, /^application\/json/, '{"code":"maintenance"}', '3600'],
      ['locked@aa2', 423, /^application\/json/, '{"code":"locked"}', null],
      ['error500@aa2', 500, /^text\/html/, /エラーが発生しました コード:500/, null],
      ['html503@aa2', 503, /^text\/html/, /コード：SS503/, null],
    ];
    for (const [userId, status, type, body, retryAfter] of rows) {
      it(`answers ${status} ${type.source.slice(1).replace('\\', '')} for ${userId}`, async () => {
        const res = await login({user_id: userId, password: 'anything'});
        assert.equal(res.status, status);
        assert.match(res.headers.get('content-type'), type);
        assert.equal(res.headers.get('retry-after'), retryAfter);
        const text = await res.text();
        if (typeof body === 'string') assert.equal(text, body);
        else assert.match(text, body);
      });
    }

    it('answers slow@aa2 only after the delay', async () => {
      const started = performance.now();
      const res = await login({user_id: 'slow@aa2', password: 'x'});
      assert.ok(performance.now() - started >= 290, 'answered too early');
      assert.equal(res.status, 200);
    });
  });

  describe('native form posts (Accept: text/html)', () => {
    it('redirects a success to the welcome page with 303', async () => {
      const res = await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD}, BROWSER_ACCEPT);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/demo/welcome.html');
    });

    const rows = [
      [{user_id: DEMO_USER_ID, password: 'wrong'}, 401, 'コード:invalid_credentials', '/demo/?error=invalid_credentials'],
      [{user_id: 'ce500@aa2', password: 'x'}, 500, 'コード:ce500', '/demo/?error=ce500'],
      [{user_id: 'maintenance@aa2', password: 'x'}, 503, 'コード:maintenance', '/demo/?error=maintenance'],
      [{user_id: 'locked@aa2', password: 'x'}, 423, 'コード:locked', '/demo/?error=locked'],
      [{user_id: '', password: ''}, 400, 'コード:missing_fields', '/demo/?error=missing_fields'],
    ];
    for (const [fields, status, code, back] of rows) {
      it(`renders an error page with 「${code}」 and a link back for ${fields.user_id || 'empty fields'}`, async () => {
        const res = await login(fields, BROWSER_ACCEPT);
        assert.equal(res.status, status);
        assert.match(res.headers.get('content-type'), /^text\/html/);
        assert.match(res.headers.get('content-security-policy'), /default-src 'none'/);
        const html = await res.text();
        assert.ok(html.includes(code), html);
        assert.ok(html.includes(`href="${back}"`), html);
        assert.ok(!html.includes('<script'), 'error pages carry no script');
      });
    }

    it('says how long the access restriction lasts on the SS503 page', async () => {
      for (let i = 0; i < 5; i++) await login({user_id: DEMO_USER_ID, password: 'wrong'});
      const res = await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD}, BROWSER_ACCEPT);
      const html = await res.text();
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '30');
      assert.match(html, /コード:SS503/);
      assert.match(html, /約 1 分後/);
    });

    it('never echoes the submitted user ID or password into the page', async () => {
      const res = await login({user_id: '<img src=x onerror=alert(1)>', password: 'Secret-Pw-123'}, BROWSER_ACCEPT);
      const html = await res.text();
      assert.ok(!html.includes('<img'), html);
      assert.ok(!html.includes('Secret-Pw-123'), html);
    });
  });

  describe('CSRF', () => {
    async function csrfCookie() {
      const res = await fetch(`${base}/api/csrf`, {headers: JSON_ACCEPT});
      const {token} = await res.json();
      const setCookie = res.headers.get('set-cookie');
      return {token, setCookie, cookie: `${CSRF_COOKIE}=${token}`};
    }

    it('issues a token in JSON and an HttpOnly SameSite=Strict cookie', async () => {
      const {token, setCookie} = await csrfCookie();
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      assert.match(setCookie, new RegExp(`^${CSRF_COOKIE}=${token}; path=/; samesite=strict; httponly$`));
    });

    it('reuses the token of an existing cookie', async () => {
      const {token, cookie} = await csrfCookie();
      const res = await fetch(`${base}/api/csrf`, {headers: {...JSON_ACCEPT, Cookie: cookie}});
      assert.equal((await res.json()).token, token);
    });

    const rows = [
      ['no token', () => ({}), {}, 403],
      ['a wrong header token', (t) => ({'X-CSRF-Token': `${t.slice(1)}x`}), {}, 403],
      ['the header token', (t) => ({'X-CSRF-Token': t}), {}, 200],
      ['the _csrf field', () => ({}), (t) => ({_csrf: t}), 200],
      ['a wrong _csrf field', () => ({}), () => ({_csrf: 'nope'}), 403],
    ];
    for (const [name, headers, fields, status] of rows) {
      it(`answers ${status} to a login with the cookie and ${name}`, async () => {
        const {token, cookie} = await csrfCookie();
        const extra = typeof fields === 'function' ? fields(token) : fields;
        const res = await login(
          {user_id: DEMO_USER_ID, password: DEMO_PASSWORD, ...extra},
          {...JSON_ACCEPT, Cookie: cookie, ...headers(token)}
        );
        assert.equal(res.status, status);
        if (status === 403) assert.deepEqual(await res.json(), {code: 'csrf'});
      });
    }

    it('does not count a CSRF refusal as a failed login', async () => {
      const {cookie} = await csrfCookie();
      for (let i = 0; i < 6; i++) await login({user_id: DEMO_USER_ID, password: 'wrong'}, {...JSON_ACCEPT, Cookie: cookie});
      assert.equal((await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD})).status, 200);
    });

    it('checks nothing without the cookie (a page that never asked for a token)', async () => {
      assert.equal((await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD})).status, 200);
    });
  });
});

describe('maintenance and the status feed', () => {
  const feed = async () => (await fetch(`${base}/api/status.json`)).json();

  it('announces an upcoming window a day ahead', async () => {
    const body = await feed();
    assert.deepEqual(body, {
      version: 1,
      incident: null,
      maintenance: [{start: '2025-01-16T04:00:00.000Z', end: '2025-01-16T07:00:00.000Z', services: ['マイページ', 'So-net Webメール'], title: {ja: '認証システムのメンテナンス', en: 'Login system maintenance'}}],
    });
  });

  // The element reads the feed with src/lib/status-feed.ts: the server must speak its format.
  const feedStates = [
    ['normally', [], 'upcoming'],
    ['with the maintenance switch on', ['/api/demo/maintenance?on=1'], 'maintenance'],
    ['with the incident switch on', ['/api/demo/incident?on=1'], 'incident'],
  ];
  for (const [name, switches, kind] of feedStates) {
    it(`passes the library's validateStatusFeed() and shows "${kind}" ${name}`, async () => {
      const {validateStatusFeed, selectStatusNotice} = await statusFeedLib();
      for (const path of switches) await post(path);
      const result = validateStatusFeed(await feed());
      assert.equal(result.ok, true, result.reason);
      assert.equal(selectStatusNotice(result.feed, clock.t).kind, kind);
    });
  }

  it('answers every login with maintenance while the switch is on, and reports the current window', async () => {
    const on = await post('/api/demo/maintenance?on=1');
    assert.equal((await on.json()).maintenance, true);
    for (const userId of [DEMO_USER_ID, 'ce500@aa2']) {
      const res = await login({user_id: userId, password: DEMO_PASSWORD});
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '3600');
      assert.deepEqual(await res.json(), {code: 'maintenance'});
    }
    const {maintenance} = await feed();
    assert.equal(maintenance.length, 2);
    assert.ok(Date.parse(maintenance[0].start) <= clock.t && clock.t < Date.parse(maintenance[0].end));
    const off = await fetch(`${base}/api/demo/maintenance?on=0`, {headers: JSON_ACCEPT});
    assert.equal((await off.json()).maintenance, false);
    assert.equal((await login({user_id: DEMO_USER_ID, password: DEMO_PASSWORD})).status, 200);
  });

  it('reads the switch without changing it when `on` is absent', async () => {
    const res = await fetch(`${base}/api/demo/maintenance`, {headers: JSON_ACCEPT});
    assert.equal((await res.json()).maintenance, false);
  });

  it('refuses an `on` other than 1 or 0', async () => {
    const res = await post('/api/demo/maintenance?on=yes');
    assert.equal(res.status, 400);
  });

  it('sends a native form back to the demo controls with 303', async () => {
    const res = await fetch(`${base}/api/demo/maintenance?on=1`, {method: 'POST', headers: BROWSER_ACCEPT, redirect: 'manual'});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/demo/#demo-controls');
    assert.equal(server.api.state.snapshot().maintenance, true);
  });

  it('reports an incident while the incident switch is on', async () => {
    await post('/api/demo/incident?on=1');
    const {incident} = await feed();
    assert.equal(incident.since, new Date(clock.t).toISOString());
    assert.ok(incident.title.ja && incident.title.en);
  });

  it('answers HEAD on the feed without a body', async () => {
    const res = await fetch(`${base}/api/status.json`, {method: 'HEAD'});
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
  });
});

describe('routing', () => {
  const rows = [
    ['GET', '/api/login', 405, 'POST'],
    ['DELETE', '/api/demo/reset', 405, 'POST'],
    ['GET', '/api/unknown', 404, null],
    ['GET', '/api', 404, null],
  ];
  for (const [method, path, status, allow] of rows) {
    it(`answers ${method} ${path} with ${status}`, async () => {
      const res = await fetch(`${base}${path}`, {method, headers: JSON_ACCEPT});
      assert.equal(res.status, status);
      assert.equal(res.headers.get('allow'), allow);
    });
  }

  it('reports failure counts on GET /api/demo/state', async () => {
    await login({user_id: DEMO_USER_ID, password: 'wrong'});
    const res = await fetch(`${base}/api/demo/state`);
    assert.deepEqual(await res.json(), {maintenance: false, incident: false, ids: [{userId: DEMO_USER_ID, failures: 1, locked: false}]});
  });
});

describe('the slow response', () => {
  it('stops waiting when the client goes away', async () => {
    const slow = await startDemoServer({port: 0, api: {log: (entry) => logEntries.push(entry)}});
    try {
      const before = logEntries.length;
      await assert.rejects(
        fetch(`http://127.0.0.1:${slow.port}/api/login`, {
          method: 'POST',
          headers: JSON_ACCEPT,
          body: form({user_id: 'slow@aa2', password: 'x'}),
          signal: AbortSignal.timeout(200),
        })
      );
      const deadline = Date.now() + 2000;
      while (!logEntries.slice(before).some((e) => e.code === 'client_closed') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(logEntries.slice(before).some((e) => e.code === 'client_closed'), 'the handler kept waiting');
    } finally {
      await slow.stop();
    }
  });

  it('lets the server stop while a slow answer is pending', async () => {
    const slow = await startDemoServer({port: 0});
    const pending = fetch(`http://127.0.0.1:${slow.port}/api/login`, {
      method: 'POST',
      headers: JSON_ACCEPT,
      body: form({user_id: 'slow@aa2', password: 'x'}),
    }).catch((error) => error);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await slow.stop();
    assert.ok(performance.now() - started < 2000, 'stop() waited for the slow answer');
    assert.ok((await pending) instanceof Error);
  });
});

describe('logging', () => {
  it('never logs a password or a user ID', async () => {
    await login({user_id: 'secret-user@aa2', password: 'Secret-Pw-123'});
    const text = JSON.stringify(logEntries);
    assert.ok(logEntries.length > 0);
    assert.ok(!text.includes('Secret-Pw-123'));
    assert.ok(!text.includes('secret-user'));
    assert.deepEqual(Object.keys(logEntries.at(-1)).sort(), ['code', 'method', 'path', 'status']);
  });
});

describe('the demo site', () => {
  const rows = [
    ['/', 302, '/demo/'],
    ['/demo', 302, '/demo/'],
    ['/.git/config', 404, null],
    ['/demo/.hidden', 404, null],
    ['/demo/%2e%2e/package.json', 404, null],
    ['/__wds-outside-root__/1/etc/hostname', 404, null],
    ['/package.json', 404, null],
    ['/src/index.ts', 404, null],
    ['/demo/%E0%A4%A', 404, null],
  ];
  for (const [path, status, location] of rows) {
    it(`answers ${path} with ${status}`, async () => {
      const res = await fetch(`${base}${path}`, {redirect: 'manual'});
      assert.equal(res.status, status);
      assert.equal(res.headers.get('location'), location);
    });
  }

  it('serves the demo page with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${base}/demo/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy'), /script-src 'self'; style-src 'self'/);
    const html = await res.text();
    assert.match(html, /<sonet-login-form/);
    assert.doesNotMatch(html, /<script>|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=/i, 'inline script or handler');
  });

  it('serves the welcome page', async () => {
    const res = await fetch(`${base}/demo/welcome.html`);
    assert.equal(res.status, 200);
  });

  it('listens on loopback only', () => {
    assert.equal(server.host, '127.0.0.1');
  });

  it('moves to the next port when the first is taken', async () => {
    const blocker = net.createServer();
    await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = blocker.address().port;
    let second;
    try {
      second = await startDemoServer({port: taken});
      assert.notEqual(second.port, taken);
      assert.ok(second.port > taken && second.port <= taken + 20);
    } finally {
      await second?.stop();
      await new Promise((r) => blocker.close(r));
    }
  });
});
