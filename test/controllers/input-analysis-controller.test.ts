import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import type {Finding} from '../../src/lib/findings.js';
import {AnalysisPhase, InputAnalysisController, findingsKey} from '../../src/controllers/input-analysis-controller.js';

/** A stand-in analyser: one 'full-width' finding per full-width letter, plus the phase it ran in. */
function fakeAnalyze(value: string, phase: AnalysisPhase): Finding[] {
  const findings: Finding[] = [];
  const wide = [...value].filter((c) => c >= '\uff01' && c <= '\uff5e');
  if (wide.length) findings.push({code: 'full-width', level: 'error', ranges: [], chars: wide});
  if (/[\u3040-\u30ff]/.test(value)) findings.push({code: 'kana', level: 'error', ranges: [], chars: []});
  if (phase !== 'typing' && value && !value.includes('@')) {
    findings.push({code: 'missing-subdomain', level: 'hint', ranges: [], chars: []});
  }
  return findings;
}

class AnalysisHost extends LitElement {
  analysis = new InputAnalysisController(this, {
    input: () => this.querySelector<HTMLInputElement>('#id'),
    analyze: fakeAnalyze,
  });
  renders = 0;
  override createRenderRoot() {
    return this;
  }
  override render() {
    this.renders++;
    return html`<input id="id" aria-label="id" /><input id="other" aria-label="other" />`;
  }
}
customElements.define('test-analysis-host', AnalysisHost);

/** A host that decides whether changed findings render (`render_`), counting the questions. */
class GatedHost extends LitElement {
  render_ = false;
  asked = 0;
  analysis = new InputAnalysisController(this, {
    input: () => this.querySelector<HTMLInputElement>('#id'),
    analyze: fakeAnalyze,
    shouldRender: () => (this.asked++, this.render_),
  });
  renders = 0;
  override createRenderRoot() {
    return this;
  }
  override render() {
    this.renders++;
    return html`<input id="id" aria-label="id" />`;
  }
}
customElements.define('test-gated-analysis-host', GatedHost);

const codes = (el: AnalysisHost) => el.analysis.findings.map((f) => f.code);

describe('InputAnalysisController', () => {
  // Focus events only fire in a focused page; test files run in parallel pages.
  before(() => executeServerCommand('emulate-focus'));

  let el: AnalysisHost;
  let input: HTMLInputElement;
  beforeEach(async () => {
    el = await fixture<AnalysisHost>(html`<test-analysis-host></test-analysis-host>`);
    input = el.querySelector<HTMLInputElement>('#id')!;
    input.focus();
  });

  it('analyses the value as the member types', async () => {
    await sendKeys({type: 'ａ'});
    expect(codes(el)).to.deep.equal(['full-width']);
  });

  it('drops a finding when the value no longer has it', async () => {
    await sendKeys({type: 'ａ'});
    await sendKeys({press: 'Backspace'});
    expect(codes(el)).to.deep.equal([]);
  });

  it('does not analyse in the middle of an IME composition', () => {
    input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
    input.value = 'たろ';
    input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: 'たろ'}));
    expect(el.analysis.composing).to.be.true;
    expect(codes(el)).to.deep.equal([]);
  });

  it('does not analyse an input event while composing even when isComposing is missing', () => {
    input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
    input.value = 'た';
    input.dispatchEvent(new InputEvent('input', {bubbles: true}));
    expect(codes(el)).to.deep.equal([]);
  });

  it('analyses on compositionend', () => {
    input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
    input.value = 'たろう';
    input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: 'たろう'}));
    input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: 'たろう'}));
    expect(el.analysis.composing).to.be.false;
    expect(codes(el)).to.deep.equal(['kana']);
  });

  it('analyses with phase blur when the input loses focus', async () => {
    await sendKeys({type: 'taro_s'});
    expect(codes(el)).to.deep.equal([]);
    el.querySelector<HTMLInputElement>('#other')!.focus();
    expect(el.analysis.phase).to.equal('blur');
    expect(codes(el)).to.deep.equal(['missing-subdomain']);
  });

  it('analyses with the phase given to analyze()', () => {
    input.value = 'taro_s';
    expect(el.analysis.analyze('submit').map((f) => f.code)).to.deep.equal(['missing-subdomain']);
  });

  it('ignores input events of other inputs', async () => {
    el.querySelector<HTMLInputElement>('#other')!.focus();
    await sendKeys({type: 'ａ'});
    expect(codes(el)).to.deep.equal([]);
  });

  it('re-renders the host only when the findings change', async () => {
    await el.updateComplete;
    const before = el.renders;
    await sendKeys({type: 'abcdef'});
    await el.updateComplete;
    expect(el.renders).to.equal(before);
    await sendKeys({type: 'ａ'});
    await el.updateComplete;
    expect(el.renders).to.equal(before + 1);
  });

  it('keeps new findings without rendering when shouldRender says no', async () => {
    const gated = await fixture<GatedHost>(html`<test-gated-analysis-host></test-gated-analysis-host>`);
    const own = gated.querySelector<HTMLInputElement>('#id')!;
    own.focus();
    const before = gated.renders;
    await sendKeys({type: 'ａ'});
    await gated.updateComplete;
    expect(gated.analysis.findings.map((f) => f.code)).to.deep.equal(['full-width']);
    expect(gated.renders, 'rendered although shouldRender said no').to.equal(before);
    expect(gated.asked).to.equal(1);
    gated.render_ = true;
    await sendKeys({type: 'ｂ'});
    await gated.updateComplete;
    expect(gated.renders).to.equal(before + 1);
  });

  it('clear() forgets the findings', async () => {
    await sendKeys({type: 'ａ'});
    el.analysis.clear();
    expect(codes(el)).to.deep.equal([]);
  });

  it('stops listening when the host is disconnected', () => {
    const parent = el.parentNode!;
    el.remove();
    input.value = 'ａ';
    input.dispatchEvent(new InputEvent('input', {bubbles: true}));
    expect(codes(el)).to.deep.equal([]);
    parent.appendChild(el);
  });
});

describe('findingsKey()', () => {
  const base: Finding = {code: 'full-width', level: 'error', ranges: [[0, 1]], chars: ['Ａ'], fix: 'A'};
  const cases: Array<[string, Finding[], Finding[], boolean]> = [
    ['same findings', [base], [{...base}], true],
    ['other ranges only', [base], [{...base, ranges: [[3, 4]]}], true],
    ['other characters', [base], [{...base, chars: ['Ｂ']}], false],
    ['other fix', [base], [{...base, fix: 'B'}], false],
    ['fix gone', [base], [{...base, fix: undefined}], false],
    ['other level', [base], [{...base, level: 'hint'}], false],
    ['one more finding', [base], [base, {...base, code: 'space'}], false],
    ['no findings', [], [], true],
  ];
  for (const [name, a, b, equal] of cases) {
    it(`${equal ? 'matches' : 'differs'} for ${name}`, () => {
      expect(findingsKey(a) === findingsKey(b)).to.equal(equal);
    });
  }
});
