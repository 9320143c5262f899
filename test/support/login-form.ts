import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';

/**
 * Resolves once `<sonet-login-form error-param>` has read the error code from the page's query
 * and shown its guidance, if it does: its behaviour is attached (`updateComplete` waits for that),
 * then the response mapping it normalizes the code with has arrived. A test that expects nothing
 * to show waits for this instead of for time.
 */
export async function queryRead(el: SonetLoginForm): Promise<void> {
  await el.updateComplete;
  const {loadResponseMapping} = await import('../../src/components/login-form/login-form.behaviour.js');
  await loadResponseMapping();
  await el.updateComplete;
}
