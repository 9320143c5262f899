import {expect} from '@open-wc/testing';
import {LINK_HREF_MAX, safeLinkHref} from '../../src/lib/link-href.js';

const FALLBACK = 'https://support.so-net.ne.jp/';

describe('safeLinkHref()', () => {
  const cases: Array<[string | null | undefined, string]> = [
    ['https://www.so-net.ne.jp/emerge/', 'https://www.so-net.ne.jp/emerge/'],
    ['http://example.com/help', 'http://example.com/help'],
    ['HTTPS://EXAMPLE.COM/', 'HTTPS://EXAMPLE.COM/'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['/support/password/', '/support/password/'],
    ['help.html', 'help.html'],
    ['../help/', '../help/'],
    ['?topic=cache', '?topic=cache'],
    ['#steps', '#steps'],
    ['/path?next=https://x', '/path?next=https://x'],
    ['javascript:alert(1)', FALLBACK],
    ['JavaScript:alert(1)', FALLBACK],
    [' javascript:alert(1)', FALLBACK],
    ['java\tscript:alert(1)', FALLBACK],
    ['java\nscript:alert(1)', FALLBACK],
    ['data:text/html,<script>alert(1)</script>', FALLBACK],
    ['vbscript:msgbox(1)', FALLBACK],
    ['file:///etc/passwd', FALLBACK],
    ['blob:https://example.com/uuid', FALLBACK],
    ['mailto:support@example.com', FALLBACK],
    ['//evil.example/', FALLBACK],
    ['/\\evil.example/', FALLBACK],
    ['https:\\\\evil.example', FALLBACK],
    ['https://user:pass@example.com/', FALLBACK],
    ['https://user@example.com/', FALLBACK],
    ['https://', FALLBACK],
    ['', FALLBACK],
    ['   ', FALLBACK],
    [null, FALLBACK],
    [undefined, FALLBACK],
    [`/${'a'.repeat(LINK_HREF_MAX)}`, FALLBACK],
  ];
  for (const [value, expected] of cases) {
    it(`maps ${JSON.stringify(value)?.slice(0, 60)} to ${expected === FALLBACK ? 'the fallback' : JSON.stringify(expected)}`, () => {
      expect(safeLinkHref(value, FALLBACK)).to.equal(expected);
    });
  }
});
