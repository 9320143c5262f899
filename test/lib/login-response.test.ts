import {expect} from '@open-wc/testing';
import {
  BODY_SCAN_LIMIT,
  isLoginErrorCode,
  LOGIN_ERROR_CODES,
  LoginResponseInput,
  LoginResponseResult,
  mapFetchFailure,
  mapLoginResponse,
  MAX_RETRY_AFTER_SECONDS,
  normalizeLoginErrorCode,
  displayServerCode,
  sameOriginRedirect,
} from '../../src/lib/login-response.js';
import {costRatio} from '../support/cost-ratio.js';

const NOW = Date.UTC(2025, 0, 15, 3, 0, 0);
const html = (body: string) => `<!DOCTYPE html><html lang="ja"><head><title>エラー</title></head><body>${body}</body></html>`;

describe('mapLoginResponse()', () => {
  describe('status table', () => {
    const cases: Array<[number, LoginResponseResult]> = [
      [200, {ok: true}],
      [204, {ok: true}],
      [299, {ok: true}],
      [0, {ok: false, code: 'network'}],
      [302, {ok: false, code: 'unknown'}],
      [400, {ok: false, code: 'unknown'}],
      [401, {ok: false, code: 'invalid-credentials'}],
      [403, {ok: false, code: 'invalid-credentials'}],
      [404, {ok: false, code: 'unknown'}],
      [408, {ok: false, code: 'network'}],
      [423, {ok: false, code: 'locked'}],
      [429, {ok: false, code: 'SS503'}],
      [500, {ok: false, code: '500'}],
      [501, {ok: false, code: 'maintenance'}],
      [502, {ok: false, code: 'maintenance'}],
      [503, {ok: false, code: '500'}],
      [504, {ok: false, code: 'maintenance'}],
      [599, {ok: false, code: 'maintenance'}],
      [600, {ok: false, code: 'unknown'}],
      [-1, {ok: false, code: 'unknown'}],
      [NaN, {ok: false, code: 'network'}],
    ];
    for (const [status, expected] of cases) {
      it(`maps status ${status} with an empty body to ${JSON.stringify(expected)}`, () => {
        expect(mapLoginResponse({status, body: '', now: NOW})).to.deep.equal(expected);
      });
    }
  });

  describe('codes in the body', () => {
    const cases: Array<[string, LoginResponseInput, LoginResponseResult]> = [
      ['JSON code', {status: 403, body: '{"code":"SS503"}'}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['JSON code in lower case', {status: 403, body: '{"code":"ss503"}'}, {ok: false, code: 'SS503', serverCode: 'ss503'}],
      ['JSON numeric code', {status: 500, body: '{"code":500}'}, {ok: false, code: '500', serverCode: '500'}],
      ['JSON error string', {status: 400, body: '{"error":"invalid_credentials"}'}, {ok: false, code: 'invalid-credentials', serverCode: 'invalid_credentials'}],
      ['JSON nested error code', {status: 400, body: '{"error":{"code":"ce500","message":"x"}}'}, {ok: false, code: 'ce500', serverCode: 'ce500'}],
      ['JSON errorCode', {status: 400, body: '{"errorCode":"locked"}'}, {ok: false, code: 'locked', serverCode: 'locked'}],
      ['JSON code wins over the status', {status: 401, body: '{"code":"locked"}'}, {ok: false, code: 'locked', serverCode: 'locked'}],
      ['JSON code on a 200', {status: 200, body: '{"code":"SS503"}'}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['JSON unknown code on a 200 as a failure', {status: 200, body: '{"code":"E_WHATEVER"}'}, {ok: false, code: 'unknown', serverCode: 'E_WHATEVER'}],
      ['JSON ok:false naming a code in its message', {status: 200, body: '{"ok":false,"message":"コード:SS503"}'}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['JSON message naming a code on a 200 without ok:false as a success', {status: 200, body: '{"message":"コード:SS503 の説明はこちら"}'}, {ok: true}],
      ['JSON ok:true with a redirect', {status: 200, body: '{"ok":true,"redirect":"/mypage/"}'}, {ok: true, redirect: '/mypage/'}],
      ['JSON unknown code on a 401 falls back on the status', {status: 401, body: '{"code":"E_WHATEVER"}'}, {ok: false, code: 'invalid-credentials', serverCode: 'E_WHATEVER'}],
      ['JSON error on a 200', {status: 200, body: '{"error":"E_WHATEVER"}'}, {ok: false, code: 'unknown', serverCode: 'E_WHATEVER'}],
      ['JSON ok:false on a 200', {status: 200, body: '{"ok":false}'}, {ok: false, code: 'unknown'}],
      ['JSON success:false on a 200', {status: 200, body: '{"success":false}'}, {ok: false, code: 'unknown'}],
      ['JSON ok:true on a 200', {status: 200, body: '{"ok":true}'}, {ok: true}],
      ['JSON error:null on a 200', {status: 200, body: '{"error":null}'}, {ok: true}],
      ['JSON maintenance code on a 503', {status: 503, body: '{"code":"maintenance"}'}, {ok: false, code: 'maintenance', serverCode: 'maintenance'}],
      ['JSON maintenance:true', {status: 503, body: '{"maintenance":true}'}, {ok: false, code: 'maintenance'}],
      ['JSON message naming a code', {status: 500, body: '{"message":"エラーが発生しました（コード：SS503）"}'}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['JSON served as text/html', {status: 403, contentType: 'text/html', body: ' {"code":"SS503"}'}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['JSON content type with an HTML body', {status: 500, contentType: 'application/json', body: html('<p>コード:ce500</p>')}, {ok: false, code: 'ce500', serverCode: 'ce500'}],
      ['JSON server code stripped of control characters and trimmed to 64', {status: 400, body: JSON.stringify({code: ' \u0000X' + 'y'.repeat(100)})}, {ok: false, code: 'unknown', serverCode: 'X' + 'y'.repeat(63)}],
      ['JSON server code with markup stays text', {status: 400, body: '{"code":"<img src=x onerror=alert(1)>"}'}, {ok: false, code: 'unknown', serverCode: '<img src=x onerror=alert(1)>'}],
      ['a JSON array body, scanned as text', {status: 401, body: '["SS503"]'}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['a JSON array body without a code', {status: 401, body: '[1,2]'}, {ok: false, code: 'invalid-credentials'}],
      ['HTML コード:SS503', {status: 403, body: html('<p>エラーが発生しました。コード:SS503</p>')}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['HTML full-width colon and spaces', {status: 500, body: html('<p>コード　：　500</p>')}, {ok: false, code: '500', serverCode: '500'}],
      ['HTML full-width letters and digits', {status: 403, body: html('<p>コード：ＳＳ５０３</p>')}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['HTML code split across elements', {status: 500, body: html('<dl><dt>コード</dt><dd><strong>ce500</strong></dd></dl>')}, {ok: false, code: 'ce500', serverCode: 'ce500'}],
      ['HTML コード:500', {status: 500, body: html('<p>コード:500</p>')}, {ok: false, code: '500', serverCode: '500'}],
      ['HTML entity colon', {status: 500, body: html('<p>コード&#65306;ce500</p>')}, {ok: false, code: 'ce500', serverCode: 'ce500'}],
      ['HTML code wins over the 503', {status: 503, body: html('<p>コード:SS503</p>')}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['HTML bare SS503 token', {status: 503, body: html('<h1>SS503</h1>')}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['HTML So-net wrong-credentials sentence', {status: 400, body: html('<p>ユーザーID や ユーザーIDパスワードが正しくありません。</p>')}, {ok: false, code: 'invalid-credentials'}],
      ['text/plain code', {status: 500, contentType: 'text/plain', body: 'Error code: 500'}, {ok: false, code: '500', serverCode: '500'}],
      ['an unrelated code mention before the real one', {status: 403, body: html('<p>Unicode 9999</p><p>コード:SS503</p>')}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['encode is not code', {status: 400, body: html('<p>encode 500</p>')}, {ok: false, code: 'unknown'}],
      ['a six-digit number is not a code', {status: 400, body: html('<p>コード:123456</p>')}, {ok: false, code: 'unknown'}],
      ['a 500 page naming several codes by the first', {status: 500, body: html('<p>コード:ce500</p><nav>SS503 について</nav>')}, {ok: false, code: 'ce500', serverCode: 'ce500'}],
      ['a 403 page naming one code twice', {status: 403, body: html('<h1>SS503</h1><p>コード:SS503</p>')}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['a 502 from a proxy as the server side, not browser settings', {status: 502, body: html('<h1>502 Bad Gateway</h1>')}, {ok: false, code: 'maintenance'}],
      ['a 504 naming a code by that code', {status: 504, body: html('<p>コード:500</p>')}, {ok: false, code: '500', serverCode: '500'}],
      ['HTML maintenance wording on a 503', {status: 503, body: html('<p>ただいまメンテナンス中です。</p>')}, {ok: false, code: 'maintenance'}],
      ['English maintenance wording on a 503', {status: 503, body: 'We are under maintenance.'}, {ok: false, code: 'maintenance'}],
      ['a link to 障害・メンテナンス情報 is not a maintenance hint', {status: 503, body: html('<a href="/emerge/">障害・メンテナンス情報</a>')}, {ok: false, code: '500'}],
      ['maintenance wording on a 500 is not maintenance', {status: 500, body: html('<p>メンテナンス中です</p>')}, {ok: false, code: '500'}],
    ];
    for (const [name, input, expected] of cases) {
      it(`maps ${name}`, () => {
        expect(mapLoginResponse({now: NOW, ...input})).to.deep.equal(expected);
      });
    }
  });

  describe('ignored code mentions', () => {
    const cases: Array<[string, string]> = [
      ['inside <script>', '<script>const msgs = {a: "コード:SS503"};</script><p>ようこそ</p>'],
      ['inside <SCRIPT type=module>', '<SCRIPT type="module">if (x) show("コード:ce500")</SCRIPT>'],
      ['inside <style>', '<style>.x::after{content:"コード:SS503"}</style>'],
      ['inside a comment', '<!-- コード:SS503 -->'],
      ['inside <template>', '<template><p>コード:SS503</p></template>'],
      ['inside <noscript>', '<noscript>コード:SS503</noscript>'],
      ['inside an attribute', '<div data-code="コード:SS503" title="SS503">ok</div>'],
      ['after an unclosed <script>', '<p>hi</p><script>var c = "SS503";'],
      ['after an unclosed comment', '<p>hi</p><!-- SS503'],
    ];
    for (const [name, body] of cases) {
      it(`ignores a code ${name}`, () => {
        expect(mapLoginResponse({status: 400, contentType: 'text/html', body: html(body), now: NOW})).to.deep.equal({ok: false, code: 'unknown'});
      });
    }
    it('still finds a code after a closed <script>', () => {
      const body = html('<script>var a = "SS503";</script><p>コード:ce500</p>');
      expect(mapLoginResponse({status: 400, body, now: NOW}).code).to.equal('ce500');
    });
  });

  describe('garbage and hostile bodies', () => {
    const bodies: Array<[string, unknown]> = [
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['broken JSON', '{"code": "SS5'],
      ['a lone brace', '{'],
      ['binary noise', '\u0000\uFFFF\uD800<<<>>>&&&;;;{{{'],
      ['unterminated tags', '<p<p<p<script'],
      ['entities out of range', '&#x110000;&#99999999;&#0;&bogus;'],
      ['deeply nested JSON', '['.repeat(100000) + ']'.repeat(100000)],
      ['many unclosed <script', '<script'.repeat(5000)],
    ];
    for (const [name, body] of bodies) {
      it(`does not throw on ${name}`, () => {
        const result = mapLoginResponse({status: 200, body: body as string, now: NOW});
        expect(result.ok).to.be.a('boolean');
      });
    }

    it('returns unknown for a non-object input', () => {
      expect(mapLoginResponse(null as unknown as LoginResponseInput)).to.deep.equal({ok: false, code: 'unknown'});
    });

    it('reads no field through a __proto__ key and pollutes nothing', () => {
      const result = mapLoginResponse({status: 401, body: '{"__proto__":{"code":"SS503","ok":false,"polluted":1}}', now: NOW});
      expect(result).to.deep.equal({ok: false, code: 'invalid-credentials'});
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(({} as Record<string, unknown>).code).to.equal(undefined);
    });

    it('reads no field inherited from a polluted Object.prototype', () => {
      const proto = Object.prototype as Record<string, unknown>;
      proto.code = 'SS503';
      try {
        expect(mapLoginResponse({status: 401, body: '{}', now: NOW})).to.deep.equal({ok: false, code: 'invalid-credentials'});
      } finally {
        delete proto.code;
      }
    });

    it('reads no field through constructor.prototype', () => {
      const result = mapLoginResponse({status: 200, body: '{"constructor":{"prototype":{"code":"SS503"}}}', now: NOW});
      expect(result).to.deep.equal({ok: true});
      expect(({} as Record<string, unknown>).code).to.equal(undefined);
    });

    // Time as ratios of the same run (a busy machine slows both sides): 5 MB read in full would
    // cost some 40× a body of twice the scan limit; read only up to the limit, about the same.
    it('scans a 5 MB body only up to the scan limit', () => {
      const filler = 'あ'.repeat(5 * 1024 * 1024);
      const late = html(`<p>${filler}</p><p>コード:SS503</p>`);
      const early = html(`<p>コード:ce500</p><p>${filler}</p>`);
      expect(mapLoginResponse({status: 400, body: late, now: NOW})).to.deep.equal({ok: false, code: 'unknown'});
      expect(mapLoginResponse({status: 400, body: early, now: NOW}).code).to.equal('ce500');
      const map = (body: string) => mapLoginResponse({status: 400, body, now: NOW});
      expect(costRatio(map, late.slice(0, 2 * BODY_SCAN_LIMIT), late, {enough: 4}).ratio).to.be.lessThan(4);
    });

    it('does not JSON-parse a 5 MB JSON body, but scans its head', () => {
      const json = (length: number) => `{"code":"SS503","pad":"${'x'.repeat(length)}"}`;
      const map = (body: string) => mapLoginResponse({status: 401, contentType: 'application/json', body, now: NOW});
      expect(map(json(5 * 1024 * 1024)).code).to.equal('SS503');
      expect(costRatio(map, json(2 * BODY_SCAN_LIMIT), json(5 * 1024 * 1024), {enough: 4}).ratio).to.be.lessThan(4);
    });

    it('stays linear on pathological HTML within the limit', () => {
      const body = (n: number) => '<a '.repeat(n / 3) + 'コード '.repeat(n / 4);
      const map = (text: string) => mapLoginResponse({status: 400, body: text, now: NOW});
      // 4n costs about 4×; quadratic would be 16×.
      expect(costRatio(map, body(BODY_SCAN_LIMIT / 4), body(BODY_SCAN_LIMIT), {enough: 10}).ratio).to.be.lessThan(10);
      const spaces = (n: number) => 'コード' + ' '.repeat(n);
      expect(costRatio(map, spaces(BODY_SCAN_LIMIT / 4), spaces(BODY_SCAN_LIMIT), {enough: 10}).ratio).to.be.lessThan(10);
    });
  });

  describe('Retry-After', () => {
    const cases: Array<[string, LoginResponseInput, Pick<LoginResponseResult, 'retryAfterSeconds' | 'retryAt'>]> = [
      ['seconds in a Headers', {status: 429, headers: new Headers({'Retry-After': '120'})}, {retryAfterSeconds: 120, retryAt: NOW + 120000}],
      ['seconds in a record, any case', {status: 503, headers: {'retry-AFTER': ' 30 '}}, {retryAfterSeconds: 30, retryAt: NOW + 30000}],
      ['an HTTP-date', {status: 503, headers: {'Retry-After': new Date(NOW + 90000).toUTCString()}}, {retryAfterSeconds: 90, retryAt: NOW + 90000}],
      ['an HTTP-date in the past', {status: 503, headers: {'Retry-After': new Date(NOW - 90000).toUTCString()}}, {retryAfterSeconds: 0, retryAt: NOW}],
      ['zero', {status: 429, headers: {'Retry-After': '0'}}, {retryAfterSeconds: 0, retryAt: NOW}],
      ['a huge value, clamped', {status: 429, headers: {'Retry-After': '999999999999'}}, {retryAfterSeconds: MAX_RETRY_AFTER_SECONDS, retryAt: NOW + MAX_RETRY_AFTER_SECONDS * 1000}],
      ['JSON retryAfter', {status: 429, body: '{"code":"SS503","retryAfter":60}'}, {retryAfterSeconds: 60, retryAt: NOW + 60000}],
      ['JSON retry_after as a string', {status: 429, body: '{"retry_after":"45"}'}, {retryAfterSeconds: 45, retryAt: NOW + 45000}],
      ['the header over JSON', {status: 429, headers: {'Retry-After': '10'}, body: '{"retryAfter":60}'}, {retryAfterSeconds: 10, retryAt: NOW + 10000}],
      ['an RFC 850 date', {status: 503, headers: {'Retry-After': 'Wednesday, 15-Jan-25 03:02:00 GMT'}}, {retryAfterSeconds: 120, retryAt: NOW + 120000}],
      ['an asctime date', {status: 503, headers: {'Retry-After': 'Wed Jan 15 03:01:00 2025'}}, {retryAfterSeconds: 60, retryAt: NOW + 60000}],
      ['an asctime date with a one-digit day', {status: 503, headers: {'Retry-After': 'Sat Feb  1 03:00:00 2025'}}, {retryAfterSeconds: MAX_RETRY_AFTER_SECONDS, retryAt: NOW + MAX_RETRY_AFTER_SECONDS * 1000}],
    ];
    for (const [name, input, expected] of cases) {
      it(`reads ${name}`, () => {
        const result = mapLoginResponse({now: NOW, ...input});
        expect({retryAfterSeconds: result.retryAfterSeconds, retryAt: result.retryAt}).to.deep.equal(expected);
      });
    }

    const ignored: Array<[string, string]> = [
      ['a negative number', '-5'],
      ['a decimal', '1.5'],
      ['a bare year-like number with a dot', '2025.1'],
      ['garbage', 'soon'],
      ['an empty value', ''],
      ['an overlong value', 'Wed, 21 Oct 2015 07:28:00 GMT'.repeat(5)],
      ['free text with a year', 'foo 2030'],
      ['a bare month and year', 'Jan 2030'],
      ['an ISO date', '2030-01-01T00:00:00Z'],
      ['an HTTP-date without GMT', 'Wed, 15 Jan 2025 03:02:00'],
      ['an HTTP-date in another zone', 'Wed, 15 Jan 2025 03:02:00 +0900'],
      ['an impossible HTTP-date', 'Sun, 30 Feb 2025 03:02:00 GMT'],
      ['an HTTP-date with hour 25', 'Wed, 15 Jan 2025 25:02:00 GMT'],
      ['a hexadecimal number', '0x10'],
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
      ['full-width digits', '１２０'],
      ['seconds with a unit', '120s'],
      ['an exponent', '1e3'],
    ];
    for (const [name, value] of ignored) {
      it(`ignores ${name}`, () => {
        const result = mapLoginResponse({status: 429, headers: {'Retry-After': value}, now: NOW});
        expect(result).to.deep.equal({ok: false, code: 'SS503'});
      });
    }

    it('gives no retry on success', () => {
      expect(mapLoginResponse({status: 200, headers: {'Retry-After': '5'}, now: NOW})).to.deep.equal({ok: true});
    });

    it('defaults now to Date.now()', () => {
      const before = Date.now();
      const result = mapLoginResponse({status: 429, headers: {'Retry-After': '1'}});
      expect(result.retryAt).to.be.within(before + 1000, Date.now() + 1000);
    });
  });

  describe('the 2xx success contract', () => {
    const faq = html('<h2>よくある質問</h2><p>「ユーザーID や ユーザーIDパスワードが正しくありません」と表示される場合は…</p>');
    const codes = html('<p>ようこそ</p><p>「コード:SS503」や「コード:ce500」が表示された場合は…</p>');
    const cases: Array<[string, LoginResponseInput, LoginResponseResult]> = [
      ['a landing page whose FAQ quotes the credentials sentence', {status: 200, body: faq}, {ok: true}],
      ['a landing page naming two codes', {status: 200, body: codes}, {ok: true}],
      ['a landing page naming one code', {status: 200, body: html('<p>コード:SS503 について</p>')}, {ok: true}],
      ['a bare SS503 on a 200 page', {status: 200, body: html('<h1>SS503</h1>')}, {ok: true}],
      ['broken JSON on a 200', {status: 200, body: '{"ok": false'}, {ok: true}],
      ['an empty 204', {status: 204, body: ''}, {ok: true}],
      ['the host marker with a code', {status: 200, errorMarker: 'data-login-error', body: html('<div data-login-error><p>コード:SS503</p></div>')}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
      ['the host marker with the credentials sentence', {status: 200, errorMarker: '<meta name="login-error">', body: `<meta name="login-error">${faq}`}, {ok: false, code: 'invalid-credentials'}],
      ['the host marker without a code', {status: 200, errorMarker: 'LOGIN-FAILED', body: '<!-- LOGIN-FAILED --><p>ようこそ</p>'}, {ok: false, code: 'unknown'}],
      ['a host marker the page does not carry', {status: 200, errorMarker: 'LOGIN-FAILED', body: faq}, {ok: true}],
      ['an empty host marker', {status: 200, errorMarker: '', body: faq}, {ok: true}],
      ['an overlong host marker', {status: 200, errorMarker: 'x'.repeat(201), body: 'x'.repeat(300)}, {ok: true}],
      ['a marker past the scan limit', {status: 200, errorMarker: 'LOGIN-FAILED', body: ' '.repeat(BODY_SCAN_LIMIT) + 'LOGIN-FAILED'}, {ok: true}],
      ['the marker does not change a JSON success', {status: 200, errorMarker: 'ok', body: '{"ok":true}'}, {ok: true}],
      ['JSON maintenance:true on a 200', {status: 200, body: '{"maintenance":true}'}, {ok: false, code: 'maintenance'}],
    ];
    for (const [name, input, expected] of cases) {
      it(`maps ${name}`, () => {
        expect(mapLoginResponse({now: NOW, ...input})).to.deep.equal(expected);
      });
    }
  });

  describe('redirect', () => {
    const cases: Array<[string, string | undefined]> = [
      ['{"redirect":"/mypage"}', '/mypage'],
      ['{"location":"https://evil.example/"}', 'https://evil.example/'],
      ['{"next":"javascript:alert(1)"}', 'javascript:alert(1)'],
      ['{"redirect":42}', undefined],
      ['{"redirect":""}', undefined],
    ];
    for (const [body, expected] of cases) {
      it(`passes the raw redirect of ${body} through`, () => {
        expect(mapLoginResponse({status: 200, body, now: NOW}).redirect).to.equal(expected);
      });
    }
  });

  describe('content type from headers', () => {
    it('reads the content type from Headers when contentType is absent', () => {
      const headers = new Headers({'Content-Type': 'application/json; charset=utf-8'});
      expect(mapLoginResponse({status: 400, headers, body: '  \n[1]', now: NOW}).code).to.equal('unknown');
      expect(mapLoginResponse({status: 400, headers, body: '\n{"code":"locked"}', now: NOW}).code).to.equal('locked');
    });

    it('survives a headers object whose getter throws', () => {
      const headers = {get 'Retry-After'(): string { throw new Error('boom'); }};
      expect(mapLoginResponse({status: 429, headers: headers as unknown as Record<string, string>, now: NOW})).to.deep.equal({ok: false, code: 'SS503'});
    });
  });
});

describe('normalizeLoginErrorCode()', () => {
  const cases: Array<[string, string]> = [
    ['SS503', 'SS503'],
    ['ss503', 'SS503'],
    ['SS 503', 'SS503'],
    ['ss-503', 'SS503'],
    ['ＳＳ５０３', 'SS503'],
    ['ce500', 'ce500'],
    ['CE500', 'ce500'],
    ['500', '500'],
    ['E500', '500'],
    ['５００', '500'],
    ['invalid_credentials', 'invalid-credentials'],
    ['invalid-credentials', 'invalid-credentials'],
    ['InvalidCredentials', 'invalid-credentials'],
    ['unauthorized', 'invalid-credentials'],
    ['account_locked', 'locked'],
    ['MAINTENANCE', 'maintenance'],
    ['cookies_disabled', 'cookies-disabled'],
    ['js-disabled', 'javascript-disabled'],
    ['too_many_requests', 'SS503'],
    ['network', 'network'],
    ['503', 'unknown'],
    ['SS5030', 'unknown'],
    ['', 'unknown'],
    ['__proto__', 'unknown'],
    ['constructor', 'unknown'],
    ['toString', 'unknown'],
    ['x'.repeat(1000), 'unknown'],
  ];
  for (const [input, expected] of cases) {
    it(`maps ${JSON.stringify(input.slice(0, 30))} to ${expected}`, () => {
      expect(normalizeLoginErrorCode(input)).to.equal(expected);
    });
  }

  it('maps every code to itself', () => {
    for (const code of LOGIN_ERROR_CODES) expect(normalizeLoginErrorCode(code)).to.equal(code);
  });
});

describe('isLoginErrorCode()', () => {
  const cases: Array<[unknown, boolean]> = [
    ['SS503', true],
    ['unknown', true],
    ['ss503', false],
    [500, false],
    [null, false],
    [{}, false],
  ];
  for (const [input, expected] of cases) {
    it(`says ${expected} for ${JSON.stringify(input)}`, () => {
      expect(isLoginErrorCode(input)).to.equal(expected);
    });
  }
});

describe('mapFetchFailure()', () => {
  const throwing = new Proxy({}, {get() { throw new Error('trap'); }});
  const cases: Array<[string, unknown, {online?: boolean} | undefined, string]> = [
    ['a TimeoutError', new DOMException('signal timed out', 'TimeoutError'), undefined, 'timeout'],
    ['a timeout message', new Error('Request timed out'), undefined, 'timeout'],
    ['an AbortError', new DOMException('The user aborted a request.', 'AbortError'), undefined, 'aborted'],
    ['an AbortError while offline', new DOMException('aborted', 'AbortError'), {online: false}, 'aborted'],
    ['a TypeError while offline', new TypeError('Failed to fetch'), {online: false}, 'offline'],
    ['a TypeError while online', new TypeError('Failed to fetch'), {online: true}, 'failed'],
    ['a TypeError with no online hint', new TypeError('NetworkError when attempting to fetch resource.'), undefined, 'failed'],
    ['a string', 'timeout', undefined, 'timeout'],
    ['null', null, undefined, 'failed'],
    ['a throwing proxy', throwing, undefined, 'failed'],
  ];
  for (const [name, error, opts, reason] of cases) {
    it(`classifies ${name} as ${reason}`, () => {
      expect(mapFetchFailure(error, opts)).to.deep.equal({code: 'network', reason});
    });
  }
});

describe('sameOriginRedirect()', () => {
  const base = 'https://www.so-net.ne.jp/login/?x=1';
  const cases: Array<[string | null | undefined, string | null]> = [
    ['/mypage/', 'https://www.so-net.ne.jp/mypage/'],
    ['mypage', 'https://www.so-net.ne.jp/login/mypage'],
    ['../mypage?a=b#c', 'https://www.so-net.ne.jp/mypage?a=b#c'],
    ['?next=1', 'https://www.so-net.ne.jp/login/?next=1'],
    ['#top', 'https://www.so-net.ne.jp/login/?x=1#top'],
    ['https://www.so-net.ne.jp/mypage', 'https://www.so-net.ne.jp/mypage'],
    ['HTTPS://WWW.SO-NET.NE.JP/a', 'https://www.so-net.ne.jp/a'],
    ['https://www.so-net.ne.jp:443/a', 'https://www.so-net.ne.jp/a'],
    ['  /mypage  ', 'https://www.so-net.ne.jp/mypage'],
    ['/%2F%2Fevil.example', 'https://www.so-net.ne.jp/%2F%2Fevil.example'],
    ['/.//evil.example', null],
    ['/./%2E//evil.example', null],
    ['/a/..//evil.example', null],
    ['..//evil.example', null],
    ['https://www.so-net.ne.jp//evil.example', null],
    ['/a//b', 'https://www.so-net.ne.jp/a//b'],
    ['https:mypage', 'https://www.so-net.ne.jp/login/mypage'],
    ['//evil.example/', null],
    ['///evil.example/', null],
    ['https://evil.example/', null],
    ['https://www.so-net.ne.jp.evil.example/', null],
    ['https://www.so-net.ne.jp@evil.example/', null],
    ['https://user:pass@www.so-net.ne.jp/', null],
    ['http://www.so-net.ne.jp/', null],
    ['http:evil.example', null],
    ['https://www.so-net.ne.jp:8443/', null],
    ['https://support.so-net.ne.jp/', null],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    [' javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['\u0000/mypage', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['blob:https://www.so-net.ne.jp/uuid', null],
    ['vbscript:msgbox', null],
    ['/\\evil.example', null],
    ['\\\\evil.example', null],
    ['/\t/evil.example', null],
    ['/my\tpage', null],
    ['/a\\b', null],
    ['/my\u2028page', 'https://www.so-net.ne.jp/my%E2%80%A8page'],
    ['/' + 'a'.repeat(3000), null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ];
  for (const [target, expected] of cases) {
    it(`resolves ${JSON.stringify(target)} to ${JSON.stringify(expected)}`, () => {
      expect(sameOriginRedirect(target, base)).to.equal(expected);
    });
  }

  const bases: Array<[string, string, string | null]> = [
    ['about:blank', '/a', null],
    ['file:///C:/login.html', '/a', null],
    ['not a url', '/a', null],
    ['http://localhost:8000/login', '/mypage', 'http://localhost:8000/mypage'],
    ['http://localhost:8000/login', 'http://localhost:8001/mypage', null],
    ['https://[::1]/login', '/x', 'https://[::1]/x'],
  ];
  for (const [b, target, expected] of bases) {
    it(`resolves ${JSON.stringify(target)} against ${b} to ${JSON.stringify(expected)}`, () => {
      expect(sameOriginRedirect(target, b)).to.equal(expected);
    });
  }

  it('returns null for a non-string target', () => {
    expect(sameOriginRedirect(42 as unknown as string, base)).to.equal(null);
  });
});

describe('displayServerCode()', () => {
  const sent = (...values: string[]) => {
    const data = new FormData();
    values.forEach((v, i) => data.append(`f${i}`, v));
    return data;
  };
  const password = 'Secret-Passw0rd-9';
  const cases: Array<[string, unknown, FormData | Iterable<unknown> | null, string | undefined]> = [
    ['a known code', 'SS503', sent('taro_s@aa2', password), 'SS503'],
    ['a known code in its own spelling', 'ss503', sent('taro_s@aa2', password), 'ss503'],
    ['a full-width known code, normalised', 'ＳＳ５０３', sent('taro_s@aa2', password), 'SS503'],
    ['a numeric code', 500, sent('taro_s@aa2', password), '500'],
    ['E500', 'E500', null, 'E500'],
    ['a code with a zero-width space inside, cleaned', 'S\u200bS503', null, 'SS503'],
    ['a credentials code naming the password', 'invalid_password', null, 'invalid-credentials'],
    ['a credentials code naming the user', 'invalid_user', null, 'invalid-credentials'],
    ['unauthorized', 'Unauthorized', null, 'invalid-credentials'],
    ['user_not_found (unknown)', 'user_not_found', null, undefined],
    ['wrong_password (unknown)', 'wrong_password', null, undefined],
    ['an unknown code', 'E_WHATEVER', null, undefined],
    ['the word unknown', 'unknown', null, undefined],
    ['markup', '<img src=x onerror=alert(1)>', null, undefined],
    ['a Cyrillic look-alike of SS503', '\u0405\u0405503', null, undefined],
    ['the password itself', password, sent('taro_s@aa2', password), undefined],
    ['the password and a space', `${password} `, sent('taro_s@aa2', password), undefined],
    ['the password after a tab', `\t${password}`, sent('taro_s@aa2', password), undefined],
    ['the password split by a zero-width space', `Secret-\u200bPassw0rd-9`, sent(password), undefined],
    ['a password longer than 64', 'p'.repeat(80), sent('p'.repeat(80)), undefined],
    ['a known code that is the password', 'ss503', sent('taro_s@aa2', 'SS503'), undefined],
    ['a known code that is the password in full width', 'SS503', sent('ＳＳ５０３'), undefined],
    ['a code sharing 12 characters with a long password', 'invalidcredentials', sent('myinvalidcredentialsXYZ'), undefined],
    ['a code sharing 11 characters with a long password', 'invalidcredentials', sent('xxnvalidcredeXXXXXXXXXX'), 'invalid-credentials'],
    ['a code inside which a value of 4 characters sits', 'servererror', sent('rror'), undefined],
    ['a value of 3 characters is not compared', 'SS503', sent('503'), 'SS503'],
    ['files are not compared', 'SS503', [new File(['SS503'], 'SS503')], 'SS503'],
    ['a plain list of values', 'SS503', ['ss503'], undefined],
    ['no code', undefined, null, undefined],
    ['an empty code', '  ', null, undefined],
    ['an object', {toString: () => 'SS503'}, null, undefined],
    ['NaN', Number.NaN, null, undefined],
    ['an overlong code', 'SS503'.repeat(100), null, undefined],
    ['a non-iterable sent value', 'SS503', 42 as unknown as null, 'SS503'],
  ];
  for (const [name, code, values, expected] of cases) {
    it(`shows ${JSON.stringify(expected)} for ${name}`, () => {
      expect(displayServerCode(code, values)).to.equal(expected);
    });
  }

  it('does not throw on a throwing iterable', () => {
    const hostile = {
      [Symbol.iterator]() {
        throw new Error('boom');
      },
    };
    expect(displayServerCode('SS503', hostile)).to.equal(undefined);
  });

  it('checks every response path of a server echoing the password', () => {
    for (const body of [
      JSON.stringify({code: `${password} `}),
      JSON.stringify({code: `\t${password}`}),
      JSON.stringify({error: {code: `Secret-\u200bPassw0rd-9`}}),
      JSON.stringify({code: `${password}${'x'.repeat(70)}`}),
    ]) {
      const result = mapLoginResponse({status: 401, body, now: NOW});
      expect(displayServerCode(result.serverCode, sent('taro_s@aa2', password))).to.equal(undefined);
    }
  });
});

// The audit of issue 20 tried these against the landed code and they failed; they stay failed.
describe('attacks that failed (regressions)', () => {
  const base = 'https://www.so-net.ne.jp/login/';
  const redirects = ['//evil.example', '///evil.example', '/\\evil.example', 'https:\\\\evil.example', 'https:/\\evil.example', ' JAVASCRIPT:alert(1)', 'java\nscript:alert(1)', 'https://u:p@www.so-net.ne.jp/', 'data:text/html,x', 'blob:https://www.so-net.ne.jp/x', 'https://www.so-net.ne.jp:444/'];
  for (const target of redirects) {
    it(`follows no redirect to ${JSON.stringify(target)}`, () => {
      expect(sameOriginRedirect(target, base)).to.equal(null);
    });
  }

  const deep: Array<[string, string]> = [
    ['a 20,000-deep JSON array', '['.repeat(20000) + ']'.repeat(20000)],
    ['a 20,000-deep JSON object', '{"a":'.repeat(20000) + '1' + '}'.repeat(20000)],
    ['a 12,000-deep JSON object under the parse limit', '{"":'.repeat(12000) + '1' + '}'.repeat(12000)],
  ];
  for (const [name, body] of deep) {
    for (const status of [200, 401]) {
      it(`maps ${name} on a ${status} without throwing`, () => {
        const result = mapLoginResponse({status, body, now: NOW});
        expect(result.ok).to.equal(status === 200);
      });
    }
  }

  const lookAlikes: Array<[string, LoginResponseInput, LoginResponseResult]> = [
    ['a Cyrillic ЅЅ503 code', {status: 401, body: '{"code":"\u0405\u0405503"}'}, {ok: false, code: 'invalid-credentials', serverCode: '\u0405\u0405503'}],
    ['a Cyrillic ЅЅ503 on a page', {status: 403, body: html('<p>コード:\u0405\u0405503</p>')}, {ok: false, code: 'invalid-credentials'}],
    ['SS503 split by a zero-width space', {status: 401, body: '{"code":"S\u200bS503"}'}, {ok: false, code: 'SS503', serverCode: 'SS503'}],
  ];
  for (const [name, input, expected] of lookAlikes) {
    it(`maps ${name} as ${expected.code}`, () => {
      expect(mapLoginResponse({now: NOW, ...input})).to.deep.equal(expected);
    });
  }

  it('shows no look-alike code in the support box', () => {
    expect(displayServerCode('\u0405\u0405503', null)).to.equal(undefined);
    expect(displayServerCode('S\u200bS503', null)).to.equal('SS503');
  });

  it('keeps markup in a server code as text, and shows none of it', () => {
    const result = mapLoginResponse({status: 400, body: '{"code":"<img src=x onerror=alert(1)>"}', now: NOW});
    expect(result.serverCode).to.equal('<img src=x onerror=alert(1)>');
    expect(displayServerCode(result.serverCode, null)).to.equal(undefined);
  });
});
