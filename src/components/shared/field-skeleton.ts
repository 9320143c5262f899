/**
 * The one builder of the fields' markup: the label, the input and, after the input, the area that
 * holds the show-password toggle (password), the warnings container and the polite status region.
 * `<sonet-login-form>` (its own form, or the areas after the inputs of the page's form),
 * `<sonet-user-id-field>` and `<sonet-password-field>` all build their fields here, with DOM calls
 * and no template, so the first load needs no lit-html. What changes later is written by one
 * owner each: the toggle by `PasswordRevealController`, the warnings and the status region by the
 * field cores (`field-core.ts`), the label text by the element.
 */

/** Which field: its id suffixes, input attributes and toggle follow from it. */
export type FieldKind = 'user-id' | 'password';

/** The nodes after a field's input. */
export interface FieldArea {
  /** The container the area's nodes are in. */
  container: HTMLElement;
  /** The show-password toggle (password only): `id` = input id + `-toggle`. */
  toggle?: HTMLButtonElement;
  /** The warnings container, referenced from the input's `aria-describedby`: input id + `-warnings`. */
  warnings: HTMLElement;
  /** The field's polite status region. */
  status: HTMLElement;
}

/** A whole field, as an element writes it when the page wrote none. */
export interface FieldSkeleton extends FieldArea {
  field: HTMLElement;
  label: HTMLLabelElement;
  input: HTMLInputElement;
}

/** An element with a class and attributes (`part` among them). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  attributes: Record<string, string> = {}
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  for (const name in attributes) node.setAttribute(name, attributes[name]!);
  return node;
}

/** Adds `id` to the input's `aria-describedby`, keeping what the page put there. */
export function describeBy(input: HTMLInputElement, id: string): void {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) input.setAttribute('aria-describedby', [...ids, id].join(' '));
}

/**
 * Fills `container` with the nodes that follow the input (see {@link FieldArea}) and points the
 * input's `aria-describedby` at the warnings. The input must have its id.
 */
export function buildFieldArea(container: HTMLElement, input: HTMLInputElement, kind: FieldKind): FieldArea {
  const toggle =
    kind === 'password'
      ? element('button', 'sonet-toggle', {
          type: 'button',
          part: 'toggle',
          id: `${input.id}-toggle`,
          'aria-pressed': 'false',
          'aria-controls': input.id,
        })
      : undefined;
  const warnings = element('div', 'sonet-field__warnings', {id: `${input.id}-warnings`, part: 'warnings'});
  const status = element('div', 'sonet-visually-hidden', {role: 'status'});
  container.replaceChildren(...(toggle ? [toggle] : []), warnings, status);
  describeBy(input, warnings.id);
  return {container, toggle, warnings, status};
}

/**
 * A whole field (`part="field"`): label, input (`id`, the autocomplete token and the attributes
 * login inputs need) and its area. The element sets the label's text and the input's `name`.
 */
export function buildField(kind: FieldKind, id: string, autocomplete: string): FieldSkeleton {
  const field = element('div', 'sonet-field', {part: 'field'});
  const label = element('label', 'sonet-field__label', {part: 'label', for: id});
  const input = element('input', 'sonet-field__input', {
    id,
    part: 'input',
    type: kind === 'password' ? 'password' : 'text',
    ...(kind === 'user-id' ? {inputmode: 'email'} : {}),
    autocomplete,
    autocapitalize: 'none',
    autocorrect: 'off',
    spellcheck: 'false',
  });
  const container = element('div', 'sonet-field__area');
  field.append(label, input, container);
  return {field, label, input, ...buildFieldArea(container, input, kind)};
}
