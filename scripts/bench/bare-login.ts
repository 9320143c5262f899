// The benchmark's baseline: what a team writes by hand with Lit and nothing else — a user ID
// field, a password field with a show/hide toggle and a submit button, labelled, in a form.
// No warnings, no localization, no error help. Light DOM like <sonet-login-form> (so password
// managers see the inputs), one small constructed stylesheet.
import {LitElement, css, html} from 'lit';
import {customElement, state} from 'lit/decorators.js';

const styles = css`
  bench-bare-login {
    display: block;
    max-width: 26em;
    font: inherit;
  }
  bench-bare-login label {
    display: block;
    margin-block: 0.75rem 0.25rem;
  }
  bench-bare-login input {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid #6b6b6b;
    border-radius: 0.25rem;
    font: inherit;
  }
  bench-bare-login .password {
    display: flex;
    gap: 0.5rem;
  }
  bench-bare-login button {
    min-height: 2.5rem;
    padding: 0 1rem;
    font: inherit;
  }
  bench-bare-login button[type='submit'] {
    margin-top: 1rem;
  }
`;

let adopted = false;
let count = 0;

@customElement('bench-bare-login')
export class BenchBareLogin extends LitElement {
  @state() private shown = false;
  private readonly uid = ++count;

  protected override createRenderRoot(): HTMLElement {
    if (!adopted) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles.styleSheet!];
      adopted = true;
    }
    return this;
  }

  private toggle(): void {
    this.shown = !this.shown;
  }

  protected override render() {
    const user = `bare-user-${this.uid}`;
    const password = `bare-password-${this.uid}`;
    return html`<form method="post" action="/login">
      <label for=${user}>ユーザーID</label>
      <input id=${user} name="username" autocomplete="username" autocapitalize="none" spellcheck="false" />
      <label for=${password}>ユーザーIDパスワード</label>
      <div class="password">
        <input
          id=${password}
          name="password"
          type=${this.shown ? 'text' : 'password'}
          autocomplete="current-password"
          autocapitalize="none"
          spellcheck="false"
        />
        <button type="button" aria-pressed=${this.shown} aria-controls=${password} @click=${this.toggle}>
          パスワードを表示
        </button>
      </div>
      <button type="submit">ログイン</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bench-bare-login': BenchBareLogin;
  }
}
