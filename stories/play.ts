/**
 * Helpers for the play functions: they put an element into a state the way a member does
 * (typing, tabbing, clicking), then check that the state shows, so a story that stops showing
 * its state fails the smoke test (`npm run test:storybook`).
 */
import {expect, userEvent, waitFor} from 'storybook/test';

/** The first element matching `selector` under `root`, or a failed expectation naming it. */
export async function find<E extends Element = HTMLElement>(root: ParentNode, selector: string): Promise<E> {
  let found: E | null = null;
  await waitFor(() => {
    found = root.querySelector<E>(selector);
    expect(found, `${selector} is rendered`).toBeTruthy();
  });
  return found!;
}

/**
 * Waits until the warnings of the form `input` is in are live (`<sonet-login-form>` attaches its
 * field cores when the browser is idle or on the first focus or press; the standalone fields
 * have them from the start).
 */
export async function live(input: HTMLInputElement): Promise<void> {
  const form = input.closest<HTMLElement & {live?: boolean}>('sonet-login-form');
  if (form) await waitFor(() => expect(form.live, 'the warnings are live').toBe(true));
}

/** Types `text` into `input` as a member does: click, then one key at a time. */
export async function type(input: HTMLInputElement, text: string): Promise<void> {
  await userEvent.click(input);
  await live(input);
  await userEvent.type(input, text, {skipClick: true});
}

/** Moves focus on with Tab, as a member leaving a field does. */
export async function tab(): Promise<void> {
  await userEvent.tab();
}

/**
 * Presses a key with Caps Lock on in `input`. Headless and automated browsers never turn the
 * real Caps Lock on, but a keyboard event's modifier state is what the element reads
 * (`getModifierState('CapsLock')`), the same in every engine (see ../shared/TOOLCHAIN.md).
 */
export function pressWithCapsLock(input: HTMLInputElement, key = 'A'): void {
  input.focus();
  for (const kind of ['keydown', 'keyup'] as const) {
    input.dispatchEvent(new KeyboardEvent(kind, {key, modifierCapsLock: true, bubbles: true, composed: true}));
  }
}

/** Waits until a warning with `data-code="code"` shows under `root`. */
export function warning(root: ParentNode, code: string): Promise<HTMLElement> {
  return find(root, `[part~="warning"][data-code="${code}"]`);
}

/** Waits until a `<sonet-error-help>` under `root` has rendered its steps. */
export async function guidance(root: ParentNode): Promise<HTMLElement> {
  const help = await find<HTMLElement & {ready?: Promise<void>}>(root, 'sonet-error-help');
  await help.ready;
  await waitFor(() => expect(help.shadowRoot?.querySelector('[part="steps"]'), 'the steps are rendered').toBeTruthy());
  return help;
}
