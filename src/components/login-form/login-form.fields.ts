/**
 * What makes `<sonet-login-form>`'s warnings live: the field cores (reactive controllers of the
 * element) on its two inputs, rendering into the areas the skeleton wrote. The element attaches
 * them when the browser is idle or on the first focus or press, before the rest of its behaviour
 * (`login-form.behaviour.ts`, which uses them); they analyse what is already typed at once.
 */
import {adoptSonetStyles} from '../shared/adopt-styles.js';
import {fieldMoreStyles} from '../shared/field-more.styles.js';
import {PasswordCore} from '../shared/password-core.js';
import {UserIdCore} from '../shared/user-id-core.js';
import type {LoginFormFields, LoginFormHost, LoginFormSkeleton} from './login-form.host.js';

/** Attaches the field cores to `host` and analyses the values already typed. */
export function attachFields(host: LoginFormHost, skeleton: LoginFormSkeleton): LoginFormFields {
  adoptSonetStyles(host, fieldMoreStyles);
  const userId = new UserIdCore(host, {
    input: () => skeleton.userId,
    area: () => skeleton.areas.userId,
    domain: () => host.domain,
    next: () => skeleton.password,
  });
  const password = new PasswordCore(host, {
    input: () => skeleton.password,
    area: () => skeleton.areas.password,
    reveal: skeleton.reveal,
  });
  userId.analysis.analyze('typing');
  password.analysis.analyze('typing');
  host.requestUpdate();
  return {userId, password};
}
