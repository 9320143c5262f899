import {expect} from '@open-wc/testing';
import {
  DEFAULT_HORIZON_HOURS,
  localizedText,
  nextStatusChange,
  parseStatusFeed,
  StatusFeed,
  StatusNotice,
  validateStatusFeed,
} from '../../src/lib/status-feed.js';

const HOUR = 3600 * 1000;
const NOW = Date.parse('2025-01-15T12:00:00+09:00');
const iso = (ms: number) => new Date(ms).toISOString();
const at = (hours: number) => iso(NOW + hours * HOUR);
const feed = (parts: Record<string, unknown>) => ({version: 1, incident: null, maintenance: [], ...parts});

describe('parseStatusFeed()', () => {
  describe('what is shown', () => {
    const cases: Array<[string, unknown, StatusNotice | null]> = [
      ['nothing for an empty feed', feed({}), null],
      ['nothing for a feed with only version', {version: 1}, null],
      [
        'a current incident',
        feed({incident: {since: at(-1), title: {ja: 'ログインしにくい状態です', en: 'Login trouble'}}}),
        {kind: 'incident', since: NOW - HOUR, title: {ja: 'ログインしにくい状態です', en: 'Login trouble'}},
      ],
      ['an incident with a recovery time ahead', feed({incident: {since: at(-1), until: at(2)}}), {kind: 'incident', since: NOW - HOUR, until: NOW + 2 * HOUR}],
      ['nothing for an incident that is over', feed({incident: {since: at(-3), until: at(-1)}}), null],
      ['an incident whose since is a few minutes ahead (clock skew)', feed({incident: {since: at(0.05)}}), {kind: 'incident', since: NOW + 0.05 * HOUR}],
      ['nothing for an incident whose since is an hour ahead', feed({incident: {since: at(1)}}), null],
      ['nothing for an incident planned for tomorrow', feed({incident: {since: at(24), until: at(26)}}), null],
      ['a window rather than a future incident', feed({incident: {since: at(24)}, maintenance: [{start: at(-1), end: at(1)}]}), {kind: 'maintenance', start: NOW - HOUR, end: NOW + HOUR}],
      [
        'a current maintenance window',
        feed({maintenance: [{start: at(-1), end: at(3), services: ['マイページ']}]}),
        {kind: 'maintenance', start: NOW - HOUR, end: NOW + 3 * HOUR, services: ['マイページ']},
      ],
      ['a window that starts exactly now', feed({maintenance: [{start: at(0), end: at(1)}]}), {kind: 'maintenance', start: NOW, end: NOW + HOUR}],
      ['nothing for a window that ends exactly now', feed({maintenance: [{start: at(-1), end: at(0)}]}), null],
      ['an upcoming window within 72 h', feed({maintenance: [{start: at(48), end: at(52)}]}), {kind: 'upcoming', start: NOW + 48 * HOUR, end: NOW + 52 * HOUR}],
      ['an upcoming window exactly at the horizon', feed({maintenance: [{start: at(72), end: at(73)}]}), {kind: 'upcoming', start: NOW + 72 * HOUR, end: NOW + 73 * HOUR}],
      ['nothing for a window beyond the horizon', feed({maintenance: [{start: at(73), end: at(74)}]}), null],
      ['nothing for past windows only', feed({maintenance: [{start: at(-30), end: at(-26)}, {start: at(-5), end: at(-4)}]}), null],
      [
        'the incident over a current window',
        feed({incident: {since: at(-1)}, maintenance: [{start: at(-1), end: at(1)}]}),
        {kind: 'incident', since: NOW - HOUR},
      ],
      [
        'a current window over an upcoming one',
        feed({maintenance: [{start: at(5), end: at(6)}, {start: at(-1), end: at(1)}]}),
        {kind: 'maintenance', start: NOW - HOUR, end: NOW + HOUR},
      ],
      [
        'the earliest upcoming window',
        feed({maintenance: [{start: at(30), end: at(31)}, {start: at(5), end: at(6)}, {start: at(-9), end: at(-8)}]}),
        {kind: 'upcoming', start: NOW + 5 * HOUR, end: NOW + 6 * HOUR},
      ],
      [
        'the window that started first when two overlap',
        feed({maintenance: [{start: at(-1), end: at(5)}, {start: at(-2), end: at(1)}]}),
        {kind: 'maintenance', start: NOW - 2 * HOUR, end: NOW + HOUR},
      ],
      ['a string title for both locales', feed({incident: {since: at(-1), title: '障害'}}), {kind: 'incident', since: NOW - HOUR, title: {ja: '障害', en: '障害'}}],
      ['a title in one locale', feed({incident: {since: at(-1), title: {en: 'Outage'}}}), {kind: 'incident', since: NOW - HOUR, title: {en: 'Outage'}}],
      ['no title for an empty one', feed({incident: {since: at(-1), title: {ja: '  ', en: ''}}}), {kind: 'incident', since: NOW - HOUR}],
      [
        'titles as plain text: control and bidi characters out, whitespace collapsed',
        feed({incident: {since: at(-1), title: {ja: ' 障害\n\t発生\u0000中\u202e ', en: null}}}),
        {kind: 'incident', since: NOW - HOUR, title: {ja: '障害 発生 中'}},
      ],
      [
        'titles without zero-width, bidi and other invisible format characters',
        feed({incident: {since: at(-1), title: {ja: '障\u200b害\u200e発生\u2067中\u2069\ufeff\u00ad', en: 'Out\u200dage\u2028now\u061c\u2060'}}}),
        {kind: 'incident', since: NOW - HOUR, title: {ja: '障害発生中', en: 'Outage now'}},
      ],
      [
        'service names without zero-width characters',
        feed({maintenance: [{start: at(-1), end: at(1), services: ['マイ\u200bページ', '\u200b']}]}),
        {kind: 'maintenance', start: NOW - HOUR, end: NOW + HOUR, services: ['マイページ']},
      ],
      [
        'markup in a title, kept as text',
        feed({incident: {since: at(-1), title: '<img src=x onerror=alert(1)><script>alert(1)</script>'}}),
        {kind: 'incident', since: NOW - HOUR, title: {ja: '<img src=x onerror=alert(1)><script>alert(1)</script>', en: '<img src=x onerror=alert(1)><script>alert(1)</script>'}},
      ],
      [
        'a long title cut to 200 characters',
        feed({incident: {since: at(-1), title: {ja: 'あ'.repeat(500)}}}),
        {kind: 'incident', since: NOW - HOUR, title: {ja: `${'あ'.repeat(199)}…`}},
      ],
      [
        'service names cut to 40 characters, empty ones dropped',
        feed({maintenance: [{start: at(-1), end: at(1), services: ['x'.repeat(50), ' ', 'Webメール']}]}),
        {kind: 'maintenance', start: NOW - HOUR, end: NOW + HOUR, services: [`${'x'.repeat(39)}…`, 'Webメール']},
      ],
      ['times with a +09:00 offset', feed({maintenance: [{start: '2025-01-15T11:00:00+09:00', end: '2025-01-15T13:00:00.000+09:00'}]}), {kind: 'maintenance', start: NOW - HOUR, end: NOW + HOUR}],
      ['unknown fields, ignored', {...feed({maintenance: [{start: at(-1), end: at(1), note: 1}]}), extra: true}, {kind: 'maintenance', start: NOW - HOUR, end: NOW + HOUR}],
      ['a maintenance list of null', feed({maintenance: null}), null],
    ];
    for (const [name, json, expected] of cases) {
      it(`shows ${name}`, () => {
        expect(parseStatusFeed(json, NOW)).to.deep.equal(expected);
      });
    }

    it('accepts now as a Date', () => {
      expect(parseStatusFeed(feed({maintenance: [{start: at(-1), end: at(1)}]}), new Date(NOW))?.kind).to.equal('maintenance');
    });

    it('shows nothing for an invalid now', () => {
      expect(parseStatusFeed(feed({incident: {since: at(-1)}}), NaN)).to.equal(null);
    });
  });

  describe('horizon', () => {
    const json = feed({maintenance: [{start: at(10), end: at(11)}]});
    const cases: Array<[number | undefined, string | null]> = [
      [undefined, 'upcoming'],
      [DEFAULT_HORIZON_HOURS, 'upcoming'],
      [24, 'upcoming'],
      [10, 'upcoming'],
      [9, null],
      [0, null],
      [-5, 'upcoming'],
      [NaN, 'upcoming'],
      [Infinity, 'upcoming'],
    ];
    for (const [horizonHours, expected] of cases) {
      it(`shows ${expected} for a window 10 h ahead with a horizon of ${horizonHours} h`, () => {
        expect(parseStatusFeed(json, NOW, {horizonHours})?.kind ?? null).to.equal(expected);
      });
    }
  });
});

describe('validateStatusFeed()', () => {
  const invalid: Array<[string, unknown, string]> = [
    ['null', null, 'not a JSON object'],
    ['a string', '{"version":1}', 'not a JSON object'],
    ['an array', [feed({})], 'not a JSON object'],
    ['no version', {incident: null, maintenance: []}, 'version is not 1'],
    ['version 2', {version: 2}, 'version is not 1'],
    ['version "1"', {version: '1'}, 'version is not 1'],
    ['an incident that is a string', feed({incident: 'down'}), 'incident is neither null nor an object'],
    ['an incident without since', feed({incident: {title: 'x'}}), 'incident.since'],
    ['a since without an offset', feed({incident: {since: '2025-01-15T12:00:00'}}), 'incident.since'],
    ['a date-only since', feed({incident: {since: '2025-01-15'}}), 'incident.since'],
    ['a since as a number', feed({incident: {since: NOW}}), 'incident.since'],
    ['an impossible date', feed({incident: {since: '2025-13-45T99:99:00Z'}}), 'incident.since'],
    ['30 February', feed({incident: {since: '2025-02-30T10:00:00+09:00'}}), 'incident.since is not a valid date'],
    ['29 February of a common year', feed({incident: {since: '2025-02-29T10:00:00Z'}}), 'incident.since is not a valid date'],
    ['31 April', feed({maintenance: [{start: '2025-04-31T01:00:00Z', end: '2025-05-01T02:00:00Z'}]}), 'maintenance[0].start is not a valid date'],
    ['month 0', feed({incident: {since: '2025-00-10T10:00:00Z'}}), 'incident.since is not a valid date'],
    ['day 0', feed({incident: {since: '2025-01-00T10:00:00Z'}}), 'incident.since is not a valid date'],
    ['hour 24', feed({incident: {since: '2025-01-15T24:00:00Z'}}), 'incident.since is not a valid date'],
    ['minute 60', feed({incident: {since: '2025-01-15T10:60:00Z'}}), 'incident.since is not a valid date'],
    ['second 60', feed({incident: {since: '2025-01-15T10:00:60Z'}}), 'incident.since is not a valid date'],
    ['an offset of +24:00', feed({incident: {since: '2025-01-15T10:00:00+24:00'}}), 'incident.since is not a valid date'],
    ['an until on 30 February', feed({incident: {since: at(-1), until: '2025-02-30T10:00:00Z'}}), 'incident.until is not a valid date'],
    ['an until before since', feed({incident: {since: at(0), until: at(-1)}}), 'incident.until is before'],
    ['a title that is a number', feed({incident: {since: at(0), title: 5}}), 'incident.title'],
    ['a title.ja that is an object', feed({incident: {since: at(0), title: {ja: {}}}}), 'incident.title.ja'],
    ['a maintenance object', feed({maintenance: {start: at(0), end: at(1)}}), 'maintenance is not a list'],
    ['a window that is null', feed({maintenance: [null]}), 'maintenance[0] is not an object'],
    ['a window without end', feed({maintenance: [{start: at(0)}]}), 'maintenance[0].end'],
    ['a window ending at its start', feed({maintenance: [{start: at(0), end: at(0)}]}), 'maintenance[0].end is not after'],
    ['a second window that is broken', feed({maintenance: [{start: at(0), end: at(1)}, {start: 'soon', end: at(1)}]}), 'maintenance[1].start'],
    ['services that are a string', feed({maintenance: [{start: at(0), end: at(1), services: 'all'}]}), 'services'],
    ['services with a number', feed({maintenance: [{start: at(0), end: at(1), services: ['a', 1]}]}), 'services'],
    ['eleven services', feed({maintenance: [{start: at(0), end: at(1), services: Array(11).fill('a')}]}), 'services'],
    ['51 windows', feed({maintenance: Array(51).fill({start: at(0), end: at(1)})}), 'more than 50'],
  ];
  for (const [name, json, reason] of invalid) {
    it(`rejects ${name}`, () => {
      const result = validateStatusFeed(json);
      expect(result.ok).to.equal(false);
      expect((result as {reason: string}).reason).to.contain(reason);
      expect(parseStatusFeed(json, NOW)).to.equal(null);
    });
  }

  it('reads no field through __proto__', () => {
    const json = JSON.parse('{"__proto__": {"version": 1}, "maintenance": []}');
    expect(validateStatusFeed(json).ok).to.equal(false);
  });

  it('reads no field from a polluted Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.incident = {since: at(-1)};
    try {
      expect(parseStatusFeed({version: 1}, NOW)).to.equal(null);
    } finally {
      delete proto.incident;
    }
  });

  it('never throws on a hostile object', () => {
    const hostile = new Proxy({}, {get() { throw new Error('trap'); }, getOwnPropertyDescriptor() { throw new Error('trap'); }});
    expect(validateStatusFeed(hostile)).to.deep.equal({ok: false, reason: 'the feed could not be read'});
  });

  it('accepts the example feed in demo/status.example.json', async () => {
    const response = await fetch(new URL('../../demo/status.example.json', import.meta.url));
    const result = validateStatusFeed(await response.json());
    expect(result.ok, (result as {reason?: string}).reason).to.equal(true);
  });
});

describe('nextStatusChange()', () => {
  const parse = (json: unknown) => (validateStatusFeed(json) as {feed: StatusFeed}).feed;
  const cases: Array<[string, unknown, number | undefined, number | null]> = [
    ['an empty feed', feed({}), undefined, null],
    ['an open-ended incident', feed({incident: {since: at(-1)}}), undefined, null],
    ['an incident that begins later', feed({incident: {since: at(3)}}), undefined, NOW + 3 * HOUR - 5 * 60 * 1000],
    ['an incident with a recovery time', feed({incident: {since: at(-1), until: at(2)}}), undefined, NOW + 2 * HOUR],
    ['a current window', feed({maintenance: [{start: at(-1), end: at(3)}]}), undefined, NOW + 3 * HOUR],
    ['an upcoming window', feed({maintenance: [{start: at(5), end: at(6)}]}), undefined, NOW + 5 * HOUR],
    ['a window beyond the horizon', feed({maintenance: [{start: at(100), end: at(101)}]}), undefined, NOW + 28 * HOUR],
    ['a window beyond a 2 h horizon', feed({maintenance: [{start: at(5), end: at(6)}]}), 2, NOW + 3 * HOUR],
    ['past windows', feed({maintenance: [{start: at(-5), end: at(-4)}]}), undefined, null],
  ];
  for (const [name, json, horizonHours, expected] of cases) {
    it(`says ${expected === null ? 'never' : iso(expected)} for ${name}`, () => {
      expect(nextStatusChange(parse(json), NOW, {horizonHours})).to.equal(expected);
    });
  }
});

describe('localizedText()', () => {
  const cases: Array<[Parameters<typeof localizedText>[0], string, string]> = [
    [{ja: '障害', en: 'Outage'}, 'ja', '障害'],
    [{ja: '障害', en: 'Outage'}, 'en', 'Outage'],
    [{ja: '障害'}, 'en', '障害'],
    [{en: 'Outage'}, 'ja', 'Outage'],
    [undefined, 'ja', ''],
  ];
  for (const [text, locale, expected] of cases) {
    it(`picks ${JSON.stringify(expected)} for ${locale} from ${JSON.stringify(text)}`, () => {
      expect(localizedText(text, locale)).to.equal(expected);
    });
  }
});
