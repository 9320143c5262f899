import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/maintenance-notice/maintenance-notice.js';
import {
  MAINTENANCE_INFO_DEFAULT_HREF,
  SonetMaintenanceNotice,
} from '../../src/components/maintenance-notice/maintenance-notice.js';
import sinon from 'sinon';
import {setSonetLocale} from '../../src/localization.js';
import {stopTime} from '../support/clock.js';
import {fetchCalls, jsonResponse, stubFetch, type FetchStub} from '../support/fetch-stub.js';

const HOUR = 3600 * 1000;
const NOW = Date.parse('2025-01-15T12:00:00+09:00');
const at = (hours: number) => new Date(NOW + hours * HOUR).toISOString();

const FEEDS = {
  incident: {
    version: 1,
    incident: {
      title: {ja: '一部のお客さまで、ログインしにくい状態が発生しています', en: 'Some members are having trouble logging in'},
      // 09:30 Japan time, written in UTC: the element must show it in Asia/Tokyo whatever the test machine's zone.
      since: '2025-01-15T00:30:00Z',
      until: '2025-01-15T15:00:00+09:00',
    },
    maintenance: [],
  },
  current: {version: 1, incident: null, maintenance: [{start: at(-1), end: at(1), services: ['マイページ', 'So-net Webメール']}]},
  upcoming: {version: 1, incident: null, maintenance: [{start: at(14), end: at(18)}]},
  pastOnly: {version: 1, incident: null, maintenance: [{start: at(-30), end: at(-26)}]},
  injection: {
    version: 1,
    incident: {since: at(-1), title: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'},
    maintenance: [{start: at(-1), end: at(1), services: ['<b onmouseover=alert(1)>x</b>']}],
  },
  jaOnlyTitle: {version: 1, incident: {since: at(-1), title: {ja: '障害が発生しています'}}, maintenance: []},
};

type Route = () => Response | Promise<Response>;
let routes: Record<string, Route> = {};
let fetchStub: FetchStub;
const requests = () => fetchCalls(fetchStub);
const realFetch = window.fetch;
const json = (body: unknown, status = 200) => () => jsonResponse(status, body);
for (const [name, body] of Object.entries(FEEDS)) routes[`/status/${name}.json`] = json(body);
const baseRoutes = {...routes};

let warnings: unknown[][] = [];
const realWarn = console.warn;

async function mount(src: string, attrs: {infoHref?: string; horizonHours?: number; headingLevel?: number} = {}) {
  const el = await fixture<SonetMaintenanceNotice>(html`
    <sonet-maintenance-notice
      src=${src}
      info-href=${attrs.infoHref ?? ''}
      horizon-hours=${attrs.horizonHours ?? 72}
      heading-level=${attrs.headingLevel ?? 2}
    ></sonet-maintenance-notice>
  `);
  await el.ready;
  return el;
}

const text = (el: SonetMaintenanceNotice) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const part = (el: SonetMaintenanceNotice, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('<sonet-maintenance-notice>', () => {
  // The feeds are written around NOW; tests that step time fake the timers too (stopTime).
  let clock: sinon.SinonFakeTimers;
  const stepTime = () => {
    clock.restore();
    clock = stopTime(NOW, {timers: true});
  };

  beforeEach(async () => {
    await setSonetLocale('ja');
    clock = stopTime(NOW);
    routes = {...baseRoutes};
    warnings = [];
    fetchStub = stubFetch(({url, init}) => (routes[url] ? routes[url]() : realFetch(url, init)));
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });

  afterEach(async () => {
    sinon.restore();
    console.warn = realWarn;
    await setSonetLocale('ja');
  });

  describe('accessibility', () => {
    it('is accessible showing an outage', async () => {
      const el = await mount('/status/incident.json');
      expect(el.hidden).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('is accessible showing maintenance going on', async () => {
      const el = await mount('/status/current.json');
      await expect(el).to.be.accessible();
    });

    it('is accessible showing planned maintenance', async () => {
      const el = await mount('/status/upcoming.json');
      await expect(el).to.be.accessible();
    });

    it('is accessible showing nothing', async () => {
      const el = await mount('/status/pastOnly.json');
      await expect(el).to.be.accessible();
    });

    it('is a region labelled by its heading, not a live region', async () => {
      const el = await mount('/status/incident.json');
      const section = part(el, 'notice')!;
      expect(section.tagName).to.equal('SECTION');
      const heading = el.shadowRoot!.getElementById(section.getAttribute('aria-labelledby')!)!;
      expect(heading.tagName).to.equal('H2');
      expect(heading.textContent).to.equal('障害発生のお知らせ');
      expect(el.shadowRoot!.querySelector('[role="alert"], [role="status"], [aria-live]')).to.equal(null);
    });

    it('uses the heading level it is given', async () => {
      const el = await mount('/status/incident.json', {headingLevel: 4});
      expect(part(el, 'heading')!.tagName).to.equal('H4');
    });

    it('falls back to h2 for a heading level out of range', async () => {
      const el = await mount('/status/incident.json', {headingLevel: 9});
      expect(part(el, 'heading')!.tagName).to.equal('H2');
    });
  });

  describe('notices', () => {
    it('shows an outage with its title, start and expected recovery in Japan time', async () => {
      const el = await mount('/status/incident.json');
      expect(el.notice?.kind).to.equal('incident');
      expect(part(el, 'title')!.textContent).to.equal('一部のお客さまで、ログインしにくい状態が発生しています');
      expect(part(el, 'message')!.textContent).to.equal('現在、障害が発生しており、ログインできない場合があります。');
      const [since, until] = [...el.shadowRoot!.querySelectorAll('[part="details"]')].map((p) => p.textContent ?? '');
      expect(since).to.match(/^発生日時：2025年1月15日.*9:30$/);
      expect(until).to.match(/^復旧見込み：2025年1月15日.*15:00$/);
    });

    it('shows maintenance going on with its time range and services', async () => {
      const el = await mount('/status/current.json');
      expect(el.notice?.kind).to.equal('maintenance');
      expect(part(el, 'notice')!.classList.contains('maintenance')).to.equal(true);
      expect(part(el, 'heading')!.textContent).to.equal('メンテナンス実施中のお知らせ');
      const message = part(el, 'message')!.textContent!;
      expect(message).to.match(/^2025年1月15日.*11:00.*13:00の間、メンテナンスを実施しています。この間、ログインできない場合があります。$/);
      expect(text(el)).to.contain('対象サービス：マイページ、So-net Webメール');
    });

    it('shows planned maintenance within the horizon', async () => {
      const el = await mount('/status/upcoming.json');
      expect(el.notice?.kind).to.equal('upcoming');
      expect(part(el, 'heading')!.textContent).to.equal('メンテナンスのお知らせ');
      expect(part(el, 'message')!.textContent).to.match(/^2025年1月16日.*2:00.*6:00の間、メンテナンスを実施します。/);
    });

    it('shows nothing for planned maintenance beyond horizon-hours', async () => {
      const el = await mount('/status/upcoming.json', {horizonHours: 12});
      expect(el.hidden).to.equal(true);
      expect(el.notice).to.equal(null);
    });

    it('shows nothing, without a warning, when only past windows are listed', async () => {
      const el = await mount('/status/pastOnly.json');
      expect(el.hidden).to.equal(true);
      expect(el.shadowRoot!.children).to.have.length(0);
      expect(warnings).to.have.length(0);
    });

    it('switches from planned to going on when the window starts', async () => {
      stepTime();
      const el = await mount('/status/upcoming.json');
      clock.tick(14 * HOUR);
      await el.updateComplete;
      expect(el.notice?.kind).to.equal('maintenance');
      expect(part(el, 'heading')!.textContent).to.equal('メンテナンス実施中のお知らせ');
    });

    it('hides itself when the window ends', async () => {
      stepTime();
      const el = await mount('/status/current.json');
      clock.tick(HOUR);
      await el.updateComplete;
      expect(el.hidden).to.equal(true);
    });

    it('appears when a window far ahead enters the horizon', async () => {
      stepTime();
      const el = await mount('/status/upcoming.json', {horizonHours: 2});
      expect(el.hidden).to.equal(true);
      for (let i = 0; i < 12; i++) {
        clock.tick(HOUR);
        await el.updateComplete;
      }
      expect(el.hidden).to.equal(false);
      expect(el.notice?.kind).to.equal('upcoming');
    });

    it('links to So-net 障害・メンテナンス情報 by default', async () => {
      const el = await mount('/status/incident.json');
      const link = part(el, 'link') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal(MAINTENANCE_INFO_DEFAULT_HREF);
      expect(link.textContent!.trim()).to.equal('障害・メンテナンス情報を確認する');
    });

    const hrefs: Array<[string, string]> = [
      ['https://support.example.jp/status', 'https://support.example.jp/status'],
      ['/status.html', '/status.html'],
      ['javascript:alert(1)', MAINTENANCE_INFO_DEFAULT_HREF],
      ['data:text/html,x', MAINTENANCE_INFO_DEFAULT_HREF],
      ['//evil.example/', MAINTENANCE_INFO_DEFAULT_HREF],
    ];
    for (const [infoHref, expected] of hrefs) {
      it(`links to ${expected} for info-href ${JSON.stringify(infoHref)}`, async () => {
        const el = await mount('/status/incident.json', {infoHref});
        expect(part(el, 'link')!.getAttribute('href')).to.equal(expected);
      });
    }
  });

  describe('fetching', () => {
    it('asks for JSON with same-origin credentials and revalidation', async () => {
      await mount('/status/incident.json');
      expect(requests()).to.have.length(1);
      const init = requests()[0].init;
      expect(init.cache).to.equal('no-cache');
      expect(init.credentials).to.equal('same-origin');
      expect(init.signal).to.be.instanceOf(AbortSignal);
    });

    it('fetches nothing and shows nothing without src', async () => {
      const el = await mount('');
      expect(requests()).to.have.length(0);
      expect(el.hidden).to.equal(true);
      expect(warnings).to.have.length(0);
    });

    it('fetches again when src changes', async () => {
      const el = await mount('/status/incident.json');
      el.src = '/status/upcoming.json';
      await el.updateComplete;
      await el.ready;
      expect(requests().map((r) => r.url)).to.deep.equal(['/status/incident.json', '/status/upcoming.json']);
      expect(el.notice?.kind).to.equal('upcoming');
    });

    it('fetches again on refresh()', async () => {
      const el = await mount('/status/pastOnly.json');
      routes['/status/pastOnly.json'] = json(FEEDS.incident);
      await el.refresh();
      expect(requests()).to.have.length(2);
      expect(el.notice?.kind).to.equal('incident');
    });

    it('reads a real response too (data: URL, no stub)', async () => {
      const feed = {version: 1, incident: {since: new Date().toISOString()}, maintenance: []};
      const el = await fixture<SonetMaintenanceNotice>(
        html`<sonet-maintenance-notice src=${`data:application/json,${encodeURIComponent(JSON.stringify(feed))}`}></sonet-maintenance-notice>`
      );
      await el.ready;
      expect(el.notice?.kind).to.equal('incident');
    });

    it('aborts the fetch when removed, without a warning', async () => {
      let signal: AbortSignal | undefined;
      stubFetch(
        ({init}) =>
          new Promise<Response>((_resolve, reject) => {
            signal = init.signal!;
            signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          })
      );
      const el = await fixture<SonetMaintenanceNotice>(html`<sonet-maintenance-notice src="/slow"></sonet-maintenance-notice>`);
      const ready = el.ready;
      el.remove();
      await ready;
      expect(signal!.aborted).to.equal(true);
      expect(warnings).to.have.length(0);
    });

    it('gives up after 10 seconds without an answer, with a warning', async () => {
      stubFetch(
        ({init}) =>
          new Promise<Response>((_resolve, reject) => {
            init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          })
      );
      stepTime();
      const el = await fixture<SonetMaintenanceNotice>(html`<sonet-maintenance-notice src="/slow"></sonet-maintenance-notice>`);
      clock.tick(10_000);
      await el.ready;
      expect(el.hidden).to.equal(true);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('no answer within 10 s');
    });
  });

  describe('failures', () => {
    const failures: Array<[string, Route, string]> = [
      ['a 404', () => new Response('<h1>Not Found</h1>', {status: 404}), 'HTTP 404'],
      ['a 500', () => new Response('{}', {status: 500}), 'HTTP 500'],
      ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'Failed to fetch'],
      ['bad JSON', () => new Response('{"version": 1, "incident": {', {status: 200}), 'not JSON'],
      ['an HTML page answered with 200', () => new Response('<!DOCTYPE html><p>maintenance</p>', {status: 200}), 'not JSON'],
      ['an unknown version', json({version: 2, incident: null}), 'version is not 1'],
      ['a malformed window', json({version: 1, maintenance: [{start: 'tomorrow', end: at(1)}]}), 'maintenance[0].start'],
      ['a JSON array', json([FEEDS.incident]), 'not a JSON object'],
      ['an oversized body', () => new Response(' '.repeat(70 * 1024) + JSON.stringify(FEEDS.incident)), 'too large'],
      ['an oversized Content-Length', () => new Response(JSON.stringify(FEEDS.incident), {headers: {'content-length': '999999'}}), 'too large'],
    ];
    for (const [name, route, reason] of failures) {
      it(`shows nothing and warns once for ${name}`, async () => {
        routes['/status/broken.json'] = route;
        const el = await mount('/status/broken.json');
        expect(el.hidden).to.equal(true);
        expect(el.notice).to.equal(null);
        expect(el.shadowRoot!.children).to.have.length(0);
        expect(warnings).to.have.length(1);
        expect(String(warnings[0][0])).to.contain('<sonet-maintenance-notice>').and.contain(reason);
      });
    }

    it('warns only once however often the feed fails', async () => {
      routes['/status/broken.json'] = () => new Response('nope', {status: 404});
      const el = await mount('/status/broken.json');
      await el.refresh();
      await el.refresh();
      expect(requests()).to.have.length(3);
      expect(warnings).to.have.length(1);
    });

    it('hides an earlier notice when a later fetch fails', async () => {
      const el = await mount('/status/incident.json');
      routes['/status/incident.json'] = () => new Response('', {status: 503});
      await el.refresh();
      expect(el.hidden).to.equal(true);
    });

    it('renders feed text only as text', async () => {
      const el = await mount('/status/injection.json');
      expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
      expect(part(el, 'title')!.textContent).to.equal('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
    });

    it('renders service names only as text', async () => {
      routes['/status/injection-services.json'] = json({...FEEDS.injection, incident: null});
      const el = await mount('/status/injection-services.json');
      expect(el.shadowRoot!.querySelector('b')).to.equal(null);
      expect(text(el)).to.contain('<b onmouseover=alert(1)>x</b>');
    });
  });

  describe('i18n', () => {
    it('shows an outage in English with times in Japan time', async () => {
      await setSonetLocale('en');
      const el = await mount('/status/incident.json');
      await el.updateComplete;
      expect(part(el, 'heading')!.textContent).to.equal('Service disruption');
      expect(part(el, 'title')!.textContent).to.equal('Some members are having trouble logging in');
      expect(part(el, 'message')!.textContent).to.equal('There is a service disruption, and you may not be able to log in.');
      const [since, until] = [...el.shadowRoot!.querySelectorAll('[part="details"]')].map((p) => p.textContent ?? '');
      expect(since).to.match(/^Started: .*January 15, 2025.*9:30\sAM GMT\+9$/);
      expect(until).to.match(/^Expected recovery: .*January 15, 2025.*3:00\sPM GMT\+9$/);
      expect(part(el, 'link')!.textContent!.trim()).to.equal('Check outage and maintenance information');
    });

    it('shows maintenance going on in English', async () => {
      await setSonetLocale('en');
      const el = await mount('/status/current.json');
      await el.updateComplete;
      expect(part(el, 'heading')!.textContent).to.equal('Maintenance in progress');
      expect(part(el, 'message')!.textContent).to.match(/^Maintenance is under way \(.*11:00.*1:00\sPM GMT\+9\)\. You may not be able to log in during this time\.$/);
      expect(text(el)).to.contain('Affected services: マイページ and So-net Webメール');
    });

    it('shows planned maintenance in English', async () => {
      await setSonetLocale('en');
      const el = await mount('/status/upcoming.json');
      await el.updateComplete;
      expect(part(el, 'heading')!.textContent).to.equal('Scheduled maintenance');
      expect(part(el, 'message')!.textContent).to.match(/^Maintenance is scheduled for .*January 16, 2025.*2:00.*6:00\sAM GMT\+9\. You may not be able to log in during this time\.$/);
    });

    it('switches language while shown', async () => {
      const el = await mount('/status/upcoming.json');
      expect(part(el, 'heading')!.textContent).to.equal('メンテナンスのお知らせ');
      await setSonetLocale('en');
      await el.updateComplete;
      expect(part(el, 'heading')!.textContent).to.equal('Scheduled maintenance');
      await expect(el).to.be.accessible();
    });

    it('marks a Japanese-only title with lang="ja" on an English page', async () => {
      await setSonetLocale('en');
      const el = await mount('/status/jaOnlyTitle.json');
      await el.updateComplete;
      const title = part(el, 'title')!;
      expect(title.textContent).to.equal('障害が発生しています');
      expect(title.getAttribute('lang')).to.equal('ja');
    });

    it('gives a title in the page language no lang attribute', async () => {
      const el = await mount('/status/jaOnlyTitle.json');
      expect(part(el, 'title')!.hasAttribute('lang')).to.equal(false);
    });
  });

  it('keeps working when the element is moved', async () => {
    const el = await mount('/status/incident.json');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => requests().length === 2, 'fetched again after the move', {timeout: 5000});
    await el.ready;
    expect(el.notice?.kind).to.equal('incident');
  });
});
