import {sendKeys} from '@web/test-runner-commands';

/**
 * Types `text` into the focused element as a member would. ASCII goes through real key presses
 * (`sendKeys`); other text (full-width, kana) is committed the way an IME or a paste commits it —
 * `execCommand('insertText')`, which runs the browser's editing pipeline and fires real
 * `beforeinput`/`input` events — because WebDriver's typing of full-width characters drops some
 * of them in WebKit.
 */
export async function typeText(text: string): Promise<void> {
  // Runs of ASCII and of other characters, in order.
  for (const run of text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []) {
    if (/^[\x20-\x7e]+$/.test(run)) await sendKeys({type: run});
    else document.execCommand('insertText', false, run);
  }
}
