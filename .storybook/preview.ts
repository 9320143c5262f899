import type {Preview} from '@storybook/web-components-vite';
import {setCustomElementsManifest} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import {createElement as h, Fragment} from 'react';
import {ArgTypes, Controls, Description, Heading, Primary, Stories, Subtitle, Title, useOf} from '@storybook/addon-docs/blocks';
import manifest from '../custom-elements.json';
import {setSonetLocale} from '../src/localization.js';

type Named = {name: string};
type Declaration = {
  members?: Array<Named & {privacy?: string; static?: boolean}>;
  attributes?: Named[];
  cssParts?: Named[];
};
type Manifest = {modules?: Array<{declarations?: Declaration[]}>};

/**
 * Storybook keys every row of its API table by name alone, so a part named like an attribute or
 * a property (the fields' `label` part and `label` attribute) would merge into one row, and the
 * attribute's control into an object. Such a part is listed as `label (part)`.
 */
function partsApart(d: Declaration): Declaration {
  if (!d.cssParts) return d;
  const taken = new Set([...(d.attributes ?? []), ...(d.members ?? [])].map((x) => x.name));
  return {...d, cssParts: d.cssParts.map((p) => (taken.has(p.name) ? {...p, name: `${p.name} (part)`} : p))};
}

/**
 * The manifest generated from the elements' JSDoc (`npm run analyze`) feeds the autodocs tables:
 * attributes, properties, events, slots, parts and custom properties. Storybook lists every
 * member it finds, so private, protected and static members (internal state, `formAssociated`,
 * `styles`) are left out of the tables here; the committed manifest stays complete.
 */
function publicApi(m: Manifest): Manifest {
  return {
    ...m,
    modules: m.modules?.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) =>
        partsApart(
          d.members
            ? {...d, members: d.members.filter((x) => !x.static && x.privacy !== 'private' && x.privacy !== 'protected')}
            : d
        )
      ),
    })),
  };
}
setCustomElementsManifest(publicApi(manifest as Manifest));

/**
 * Dark mode. The elements follow `prefers-color-scheme` (the member's system setting), which a
 * page cannot change. In the Storybook UI the preview is an iframe, and a browser reports the
 * `color-scheme` of the `<iframe>` element as the preferred scheme of the document inside it
 * (CSS Media Queries 5, `prefers-color-scheme`; Chromium and Firefox do), so the toolbar sets it
 * on the preview's frame element. The smoke test (`scripts/storybook-smoke.mjs`) loads stories
 * without a frame and emulates the media feature for stories tagged `dark`.
 */
function applyScheme(scheme: 'light' | 'dark' | 'system'): void {
  const value = scheme === 'system' ? '' : scheme;
  const root = document.documentElement.style;
  root.colorScheme = value || 'light dark';
  // The page's colours, written out: the elements' light-DOM text inherits them, and axe reads
  // a transparent page as white (a false contrast failure in dark mode).
  root.backgroundColor = 'Canvas';
  root.color = 'CanvasText';
  try {
    const frame = window.frameElement as HTMLElement | null;
    if (frame) frame.style.colorScheme = value;
  } catch {
    // A cross-origin parent (composed Storybooks): the system setting applies.
  }
}

/**
 * The docs page of an element: its description, the Playground (the first story) with its
 * controls, the states that render without a play function (`canvasOnly` in stories/looks.ts
 * keeps the others, which would show only their starting state or move focus, in the sidebar),
 * and the whole API from the manifest, read-only. Autodocs' own page puts the manifest's every
 * member in the controls table.
 */
function DocsPage() {
  const {preparedMeta} = useOf('meta', ['meta']);
  const element = Boolean(preparedMeta.component);
  return h(
    Fragment,
    null,
    h(Title),
    h(Subtitle),
    h(Description, {of: 'meta'}),
    h(Primary),
    element ? h(Controls) : null,
    h(Stories, {title: 'States', includePrimary: false}),
    element ? h(Heading, null, 'API') : null,
    element ? h(ArgTypes, {of: 'meta'}) : null
  );
}

const FORCED_COLORS = '(forced-colors: active)';

/**
 * Forced colors (Windows contrast themes) cannot be switched on from a page. Stories tagged
 * `forced-colors` say how to see them when the mode is off; the smoke test emulates the mode.
 */
const forcedColorsHint = html`<p class="sb-forced-colors-hint" lang="en">
  This story shows forced-colors mode. Turn it on to see it: Chrome / Edge DevTools › Rendering › “Emulate CSS media
  feature forced-colors: active”, or Windows Settings › Accessibility › Contrast themes.
</p>`;

/** The story shown last in this page, and whether it asked for a page of its own. */
let shownHere: {id: string; own: boolean} | undefined;

/**
 * A story with `parameters: {ownPage: true}` never shares the preview's page with another story:
 * the page is loaded again when it comes or goes (a story that lost the connection leaves the
 * guidance failed for the page; stories/offline.ts). Re-rendering the same story keeps the page.
 * The smoke test opens every story in a new page anyway.
 */
async function ownPage({id, parameters}: {id: string; parameters: Record<string, unknown>}): Promise<void> {
  const own = parameters['ownPage'] === true;
  if (shownHere && shownHere.id !== id && (own || shownHere.own)) {
    // The preview's URL already names the story to show (Storybook sets it before loading).
    location.reload();
    await new Promise(() => {});
  }
  shownHere = {id, own};
}

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the elements (sets <html lang>, which the elements follow)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          {value: 'ja', title: '日本語', right: 'ja'},
          {value: 'en', title: 'English', right: 'en'},
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme (prefers-color-scheme inside the preview)',
      toolbar: {
        title: 'Scheme',
        icon: 'mirror',
        items: [
          {value: 'light', title: 'Light'},
          {value: 'dark', title: 'Dark'},
          {value: 'system', title: 'System setting'},
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {locale: 'ja', scheme: 'light'},
  loaders: [
    ownPage,
    // Before the story renders, so it renders once, in its language (the English strings are
    // a lazily loaded module).
    async ({globals}) => {
      const locale = globals['locale'] === 'en' ? 'en' : 'ja';
      document.documentElement.lang = locale;
      await setSonetLocale(locale);
    },
  ],
  decorators: [
    (story, context) => {
      applyScheme((context.globals['scheme'] as 'light' | 'dark' | 'system') ?? 'light');
      const hint = context.tags.includes('forced-colors') && !matchMedia(FORCED_COLORS).matches;
      return html`${hint ? forcedColorsHint : nothing}${story()}`;
    },
  ],
  parameters: {
    controls: {expanded: true, sort: 'requiredFirst'},
    a11y: {test: 'error', options: {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}},
    docs: {codePanel: true, page: DocsPage},
  },
};

export default preview;
