import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/components/maintenance-notice/maintenance-notice.js';

const HOUR = 60 * 60 * 1000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** A feed served as a data: URL, with times relative to when the story renders. */
const feedUrl = (feed: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(feed))}`;

const feeds = {
  incident: () => ({
    version: 1,
    incident: {
      title: {ja: '一部のお客さまで、ログインしにくい状態が発生しています', en: 'Some members are having trouble logging in'},
      since: at(-1.5),
      until: at(2),
    },
    maintenance: [],
  }),
  maintenance: () => ({
    version: 1,
    incident: null,
    maintenance: [{start: at(-1), end: at(3), services: ['マイページ', 'So-net Webメール']}],
  }),
  upcoming: () => ({version: 1, incident: null, maintenance: [{start: at(30), end: at(34)}]}),
};

const meta: Meta = {
  title: 'Elements/sonet-maintenance-notice',
  component: 'sonet-maintenance-notice',
  render: (args) =>
    html`<sonet-maintenance-notice
      src=${feedUrl(feeds[args['feed'] as keyof typeof feeds]())}
      horizon-hours=${args['horizonHours']}
    ></sonet-maintenance-notice>`,
  args: {feed: 'incident', horizonHours: 72},
  argTypes: {feed: {control: 'select', options: Object.keys(feeds)}},
};
export default meta;

/** An outage going on, with a title and an expected recovery time. */
export const Incident: StoryObj = {args: {feed: 'incident'}};

/** A maintenance window going on now, with the affected services. */
export const MaintenanceInProgress: StoryObj = {args: {feed: 'maintenance'}};

/** A maintenance window starting within the horizon (here in 30 hours). */
export const ScheduledMaintenance: StoryObj = {args: {feed: 'upcoming'}};

/** A feed that cannot be used (404): the element hides itself and warns once in the console. */
export const UnavailableFeed: StoryObj = {
  render: () => html`<sonet-maintenance-notice src="/no-such-status.json"></sonet-maintenance-notice>
    <p>(The notice above renders nothing: its feed answers 404.)</p>`,
};
