import type {ReactiveControllerHost} from '@lit/reactive-element';
import type {PasswordRevealController} from '../../controllers/password-reveal-controller.js';
import type {FieldArea} from '../shared/field-skeleton.js';
import type {PasswordCore} from '../shared/password-core.js';
import type {UserIdCore} from '../shared/user-id-core.js';

/**
 * What `<sonet-login-form>` and the parts it loads later (`login-form.fields.ts`,
 * `login-form.behaviour.ts`) know of each other: this module holds only types and a constant, so
 * none imports the element (it loads them with `import()`; they get the element as a
 * {@link LoginFormHost} and its skeleton as a {@link LoginFormSkeleton}).
 */

/** Default request timeout in ms (`timeout`). */
export const DEFAULT_LOGIN_TIMEOUT = 15000;

/** Options of `showError()`. */
export interface ShowErrorOptions {
  /** Seconds until a retry makes sense (`Retry-After`). */
  retryAfterSeconds?: number;
  /** When a retry makes sense, in ms since the epoch. */
  retryAt?: number;
  /** The code as the server spelled it, shown to support as text. */
  serverCode?: string;
}

/** The element's public properties the behaviour reads, and `busy`, which it sets. */
export interface LoginFormHost extends ReactiveControllerHost, HTMLElement {
  readonly action: string;
  readonly native: boolean;
  readonly timeout: number;
  readonly errorCode: string;
  readonly errorParam: string;
  readonly errorMarker: string;
  readonly lockThreshold: string | number;
  readonly domain: string;
  readonly headingLevel: number;
  readonly resetHref: string;
  readonly idChangeHref: string;
  readonly loginHistoryHref: string;
  readonly maintenanceHref: string;
  busy: boolean;
}

/**
 * The skeleton the element wrote or found (once, on first connection): the form and inputs, the
 * areas after them, the alerts region above the form. Everything the behaviour renders goes into
 * these nodes; it never writes the skeleton itself.
 */
export interface LoginFormSkeleton {
  form: HTMLFormElement;
  userId: HTMLInputElement;
  password: HTMLInputElement;
  /** The areas after the inputs (the password's holds the toggle). */
  areas: {userId: FieldArea; password: FieldArea};
  /** Above the form: guidance and notices go into `content`; `status` is the form's polite status line. */
  alerts: {container: HTMLElement; content: HTMLElement; status: HTMLElement};
  /** The submit button (the element's, or the first one of the page's form). */
  submit: HTMLButtonElement | HTMLInputElement | null;
  /** A prefix for ids the behaviour creates. */
  idBase: string;
  /** The element wrote the form itself. */
  rendersForm: boolean;
  /** The show-password controller (the toggle's owner; it works before the behaviour arrives). */
  reveal: PasswordRevealController;
  /** Goes to a same-origin URL after a successful login. */
  navigate(url: string): void;
}

/** The field cores on the form's inputs (`login-form.fields.ts`): warnings live. */
export interface LoginFormFields {
  userId: UserIdCore;
  password: PasswordCore;
}
