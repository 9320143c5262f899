import {expect} from '@open-wc/testing';
import {csrfHeaderAllowed} from '../../src/lib/csrf-header.js';

describe('csrfHeaderAllowed()', () => {
  const page = 'https://www.so-net.ne.jp/login/?next=/mypage/';
  const cases: Array<[string | URL | null | undefined, string | null | undefined, boolean]> = [
    ['/api/login', page, true],
    ['login', page, true],
    ['?x=1', page, true],
    ['', page, false],
    ['   ', page, false],
    ['https://www.so-net.ne.jp/api/login', page, true],
    ['HTTPS://WWW.SO-NET.NE.JP/api', page, true],
    ['https://www.so-net.ne.jp:443/api', page, true],
    [new URL('https://www.so-net.ne.jp/api'), page, true],
    ['https://evil.example/login', page, false],
    ['//evil.example/login', page, false],
    ['///evil.example/login', page, false],
    ['/\\evil.example/login', page, false],
    ['https:\\\\evil.example', page, false],
    ['https://www.so-net.ne.jp.evil.example/', page, false],
    ['https://www.so-net.ne.jp@evil.example/', page, false],
    ['https://user:pass@www.so-net.ne.jp/api', page, false],
    ['http://www.so-net.ne.jp/api', page, false],
    ['https://www.so-net.ne.jp:8443/api', page, false],
    ['https://support.so-net.ne.jp/', page, false],
    ['javascript:alert(1)', page, false],
    ['data:text/plain,x', page, false],
    ['blob:https://www.so-net.ne.jp/uuid', page, false],
    ['https://[::1', page, false],
    [null, page, false],
    [undefined, page, false],
    ['/api/login', 'http://localhost:8000/demo/', true],
    ['http://localhost:8001/api/login', 'http://localhost:8000/demo/', false],
    ['/api/login', 'about:blank', false],
    ['/api/login', 'file:///C:/login.html', false],
    ['/api/login', 'null', false],
    ['/api/login', '', false],
    ['/api/login', null, false],
  ];
  for (const [url, base, expected] of cases) {
    it(`says ${expected} for ${JSON.stringify(String(url))} on ${JSON.stringify(base)}`, () => {
      expect(csrfHeaderAllowed(url, base)).to.equal(expected);
    });
  }

  it('does not throw on a value whose conversion throws', () => {
    const hostile = {toString: () => { throw new Error('boom'); }} as unknown as string;
    expect(csrfHeaderAllowed(hostile, page)).to.equal(false);
  });
});
