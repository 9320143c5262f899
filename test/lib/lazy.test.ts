import {expect} from '@open-wc/testing';
import {lazy} from '../../src/lib/lazy.js';

describe('lazy()', () => {
  /** A load that answers with the outcomes given, one per call, and counts its calls. */
  function scripted(outcomes: Array<'ok' | 'fail'>) {
    let calls = 0;
    const load = () => {
      const outcome = outcomes[calls++] ?? 'ok';
      return outcome === 'ok' ? Promise.resolve(`module ${calls}`) : Promise.reject(new TypeError('Failed to fetch'));
    };
    return {load, calls: () => calls};
  }

  // [outcomes of the loads, what each of three calls gets, loads made]
  const cases: Array<[Array<'ok' | 'fail'>, string[], number]> = [
    [['ok'], ['module 1', 'module 1', 'module 1'], 1],
    [['fail', 'ok'], ['error', 'module 2', 'module 2'], 2],
    [['fail', 'fail', 'ok'], ['error', 'error', 'module 3'], 3],
  ];
  for (const [outcomes, wanted, loads] of cases) {
    it(`loads ${outcomes.join(', ')}: ${wanted.join(', ')} (${loads} load(s))`, async () => {
      const {load, calls} = scripted(outcomes);
      const get = lazy(load);
      const got: string[] = [];
      for (let i = 0; i < 3; i++) got.push(await get().catch(() => 'error'));
      expect(got).to.deep.equal(wanted);
      expect(calls()).to.equal(loads);
    });
  }

  it('shares one load between calls made while it is under way', async () => {
    const {load, calls} = scripted(['ok']);
    const get = lazy(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b]).to.deep.equal(['module 1', 'module 1']);
    expect(calls()).to.equal(1);
  });

  it('does not load before the first call', () => {
    const {load, calls} = scripted(['ok']);
    lazy(load);
    expect(calls()).to.equal(0);
  });
});
