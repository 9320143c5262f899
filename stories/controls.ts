/**
 * Controls for designers: each element's stories show a control for what changes the story — the
 * attributes a designer can see act (`attributes` below) and every theming custom property the
 * element documents (`@cssprop`, read from `custom-elements.json`) — and nothing else. The
 * rest of the manifest (properties, events, methods, the attributes that only matter to a server)
 * stays in the docs page's API table.
 *
 * Custom properties arrive on the element through its `style` (see `themeStyle`); colours get a
 * colour picker, lengths and fonts a text field. Storybook's own controls for them (from the
 * manifest) are objects, which no CSS value is.
 */
import type {ArgTypes} from '@storybook/web-components-vite';
import {styleMap} from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';

type Declaration = {tagName?: string; cssProperties?: Array<{name: string}>};
type Manifest = {modules: Array<{declarations?: Declaration[]}>};

/** Custom property values set by the controls, keyed by property name. */
export type ThemeArgs = {[property: `--${string}`]: string | undefined};

/** The custom properties `tag` documents, in the manifest's order. */
function cssProperties(tag: string): string[] {
  const declaration = (manifest as Manifest).modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === tag);
  if (!declaration) throw new Error(`${tag} is not in custom-elements.json (npm run analyze)`);
  return (declaration.cssProperties ?? []).map((p) => p.name);
}

/** A colour picker for colours and backgrounds; a text field for lengths, sizes and fonts. */
const isColour = (property: string) => /-(color|background)$/.test(property);

/**
 * The controls of `tag`'s stories: `attributes` (what a designer sees change, in this order),
 * then its custom properties. Spread into the meta; the same list feeds the Controls panel and
 * the docs page's Controls table.
 */
export function designerControls(tag: string, attributes: readonly string[]) {
  const properties = cssProperties(tag);
  const include = [...attributes, ...properties];
  const argTypes: ArgTypes = Object.fromEntries(
    properties.map((name) => [
      name,
      {
        name,
        control: {type: isColour(name) ? 'color' : 'text'},
        table: {category: 'css custom properties'},
      },
    ])
  );
  return {argTypes, parameters: {controls: {include}, docs: {controls: {include}}}};
}

/** For a story with a render of its own that reads no args: no controls, as none would act. */
export const withoutControls = {parameters: {controls: {disable: true}}};

/** The element's `style`: the custom properties a control has a value for. */
export function themeStyle(args: object) {
  return styleMap(
    Object.fromEntries(Object.entries(args).filter(([name, value]) => name.startsWith('--') && value))
  );
}
