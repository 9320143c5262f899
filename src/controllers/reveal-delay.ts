/**
 * Default of `PasswordRevealControllerOptions.hideDelay` and of the elements' `reveal-timeout`:
 * milliseconds a shown password stays visible after focus leaves the field. In its own module so
 * `<sonet-login-form>`'s first load can use it without the controller.
 */
export const DEFAULT_REVEAL_HIDE_DELAY = 3000;
