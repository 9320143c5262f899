import {fixture, html, waitUntil} from '@open-wc/testing';
import {nothing} from 'lit';
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

/**
 * A page-written `method="get"` login form inside `<sonet-login-form>`, posting natively into an
 * iframe of its own (`sink`), so a test sees where the browser went and with what query.
 * `landed()` waits for the security plugin's `/__security/landing` page in the frame.
 */
export async function pageFormWithSink(options: {
  sink: string;
  action?: string;
  formAction?: string;
  onSubmit?: (event: Event) => void;
}): Promise<{el: SonetLoginForm; landed: () => Promise<Location>}> {
  const {sink} = options;
  const page = await fixture<HTMLDivElement>(html`<div>
    <iframe name=${sink} title="sink"></iframe>
    <sonet-login-form action=${options.action ?? nothing}>
      <form method="get" action=${options.formAction ?? nothing} target=${sink} @submit=${options.onSubmit}>
        <label for="${sink}-u">ユーザーID</label><input id="${sink}-u" name="user_id" autocomplete="username" />
        <label for="${sink}-p">ユーザーIDパスワード</label><input id="${sink}-p" name="password" type="password" autocomplete="current-password" />
        <button>ログイン</button>
      </form>
    </sonet-login-form>
  </div>`);
  const frame = page.querySelector('iframe')!;
  return {
    el: page.querySelector<SonetLoginForm>('sonet-login-form')!,
    landed: async () => {
      await waitUntil(() => frame.contentDocument?.title === 'landing', 'the post landed in the frame', {timeout: 5000});
      return frame.contentWindow!.location;
    },
  };
}
