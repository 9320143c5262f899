import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/components/maintenance-notice/maintenance-notice.js';
import {designerControls, themeStyle, withoutControls, type ThemeArgs} from './controls.js';
import {inDark, inEnglish, inForcedColors} from './looks.js';

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
  incidentOpenEnded: () => ({version: 1, incident: {since: at(-0.5)}, maintenance: []}),
  maintenance: () => ({
    version: 1,
    incident: null,
    maintenance: [{start: at(-1), end: at(3), services: ['マイページ', 'So-net Webメール']}],
  }),
  upcoming: () => ({version: 1, incident: null, maintenance: [{start: at(30), end: at(34)}]}),
  nothing: () => ({version: 1, incident: null, maintenance: [{start: at(24 * 10), end: at(24 * 10 + 4)}]}),
  // Not version 1: the element cannot use it.
  invalid: () => ({version: 2, status: 'ok'}),
};

/**
 * `<sonet-maintenance-notice>` reads a small JSON status feed (`src`) and shows an outage, a
 * maintenance window going on, or one planned within `horizon-hours`, before a member tries to
 * log in and fails. The stories serve the feed as a `data:` URL with times relative to now.
 */
type Args = ThemeArgs & {src: keyof typeof feeds; 'horizon-hours': number; 'heading-level': number};

/** What a designer sees change; `info-href` is the page's link to its status page. */
const controls = designerControls('sonet-maintenance-notice', ['src', 'horizon-hours', 'heading-level']);

const meta: Meta<Args> = {
  title: 'Elements/sonet-maintenance-notice',
  component: 'sonet-maintenance-notice',
  render: (args) =>
    html`<sonet-maintenance-notice
      style=${themeStyle(args)}
      src=${feedUrl(feeds[args.src]())}
      horizon-hours=${args['horizon-hours']}
      heading-level=${ifDefined(args['heading-level'] === 2 ? undefined : args['heading-level'])}
    ></sonet-maintenance-notice>`,
  args: {src: 'incident', 'horizon-hours': 72, 'heading-level': 2},
  argTypes: {
    ...controls.argTypes,
    src: {
      control: 'select',
      options: Object.keys(feeds),
      description: 'URL of the status feed. Here: which feed the story serves (as a `data:` URL).',
    },
    'heading-level': {control: {type: 'number', min: 2, max: 6}},
  },
  parameters: {layout: 'padded', ...controls.parameters},
};
export default meta;

type Story = StoryObj<Args>;

/** Every control at once: the feed, the horizon for planned work, and the theming custom properties. */
export const Playground: Story = {args: {src: 'upcoming'}};

/** An outage going on, with a title and an expected recovery time. */
export const Incident: Story = {args: {src: 'incident'}};

/** An outage without a title or an expected recovery time. */
export const IncidentWithoutRecoveryTime: Story = {args: {src: 'incidentOpenEnded'}};

/** A maintenance window going on now, with the affected services. */
export const MaintenanceInProgress: Story = {args: {src: 'maintenance'}};

/** A maintenance window starting within the horizon (here in 30 hours). */
export const ScheduledMaintenance: Story = {args: {src: 'upcoming'}};

/**
 * Nothing to report (the only window starts in 10 days, beyond `horizon-hours`): the element
 * is `hidden` and takes no space.
 */
export const NothingToReport: Story = {
  args: {src: 'nothing'},
  render: (args) => html`${meta.render!(args, {} as never)}
    <p>(The notice above is hidden: nothing starts within ${args['horizon-hours']} hours.)</p>`,
};

/** A feed that cannot be used (not version 1): the element hides itself and warns once in the console. */
export const UnusableFeed: Story = {
  args: {src: 'invalid'},
  render: (args) => html`${meta.render!(args, {} as never)}
    <p>(The notice above renders nothing: its feed is not a version-1 status feed.)</p>`,
};

/** An outage in English: times in Japan time, marked GMT+9. */
export const IncidentEnglish: Story = {...inEnglish, args: {src: 'incident'}};

/** Maintenance going on, in English. */
export const MaintenanceInProgressEnglish: Story = {...inEnglish, args: {src: 'maintenance'}};

/** An outage in dark mode. */
export const IncidentDark: Story = {...inDark, args: {src: 'incident'}};

/** Planned maintenance in dark mode. */
export const ScheduledMaintenanceDark: Story = {...inDark, args: {src: 'upcoming'}};

/** An outage in forced-colors mode. */
export const IncidentForcedColors: Story = {...inForcedColors, args: {src: 'incident'}};

/** A theme through the custom properties and the parts (see the style element in "Show code"). */
export const Themed: Story = {
  ...withoutControls,
  render: () => html`<style>
      .brand-notice {
        --sonet-maintenance-notice-background: #fff;
        --sonet-maintenance-notice-border-color: #c9d3ea;
        --sonet-maintenance-notice-maintenance-color: #7a4d00;
        --sonet-maintenance-notice-link-color: #0f49c2;
        --sonet-maintenance-notice-radius: 0;
        --sonet-maintenance-notice-padding: 1rem 1.5rem;
        --sonet-maintenance-notice-heading-size: 1.25rem;
      }
      .brand-notice::part(notice) {
        box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
      }
      .brand-notice::part(link) {
        font-weight: bold;
      }
    </style>
    <sonet-maintenance-notice class="brand-notice" src=${feedUrl(feeds.maintenance())}></sonet-maintenance-notice>`,
};
