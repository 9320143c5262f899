import {expect} from '@open-wc/testing';
import {LOGIN_BODY_MAX_BYTES, readBodyCapped} from '../../src/lib/response-body.js';

const encoder = new TextEncoder();

/** A response streaming `chunks`, recording whether the stream was cancelled and how much was pulled. */
function streamed(chunks: Array<Uint8Array | Error>, headers: HeadersInit = {}) {
  const log = {cancelled: false, pulled: 0};
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i >= chunks.length) {
        controller.close();
        return;
      }
      const chunk = chunks[i++];
      if (chunk instanceof Error) {
        controller.error(chunk);
        return;
      }
      log.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      log.cancelled = true;
    },
  }, {highWaterMark: 0});
  return {response: new Response(stream, {headers}), log};
}

describe('readBodyCapped()', () => {
  describe('sizes', () => {
    const cases: Array<[string, string[], number, {text: string; truncated: boolean}]> = [
      ['a short body', ['{"code":"SS503"}'], 100, {text: '{"code":"SS503"}', truncated: false}],
      ['a body of exactly the cap', ['abcd', 'efgh'], 8, {text: 'abcdefgh', truncated: false}],
      ['a body one byte over the cap', ['abcd', 'efghi'], 8, {text: 'abcdefgh', truncated: true}],
      ['a body over the cap in the first chunk', ['abcdefghij'], 4, {text: 'abcd', truncated: true}],
      ['a cap of zero', ['abc'], 0, {text: '', truncated: true}],
      ['an empty body', [], 10, {text: '', truncated: false}],
      ['Japanese split across chunks', ['コー', 'ド:SS503'], 100, {text: 'コード:SS503', truncated: false}],
      ['a character cut by the cap, dropped', ['あい'], 4, {text: 'あ', truncated: true}],
    ];
    for (const [name, parts, cap, expected] of cases) {
      it(`reads ${name}`, async () => {
        const bytes = encoder.encode(parts.join(''));
        // Split the bytes where the parts meet, so multi-byte characters may straddle chunks.
        const chunks: Uint8Array[] = [];
        let offset = 0;
        for (const part of parts) {
          const n = encoder.encode(part).byteLength;
          chunks.push(bytes.subarray(offset, offset + n));
          offset += n;
        }
        const {response} = streamed(chunks);
        expect(await readBodyCapped(response, cap)).to.deep.equal({...expected, failed: false});
      });
    }
  });

  it('splits a character across chunks without damage', async () => {
    const bytes = encoder.encode('コード');
    const {response} = streamed([bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5)]);
    expect((await readBodyCapped(response, 100)).text).to.equal('コード');
  });

  it('cancels a 5 MB body at the cap without pulling the rest', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const chunks = Array.from({length: 80}, () => chunk);
    const {response, log} = streamed(chunks);
    const result = await readBodyCapped(response, LOGIN_BODY_MAX_BYTES);
    expect(result.truncated).to.equal(true);
    expect(result.text.length).to.equal(LOGIN_BODY_MAX_BYTES);
    expect(log.cancelled).to.equal(true);
    expect(log.pulled).to.be.below(5 * 1024 * 1024);
  });

  it('reads what arrived before a failure, and says it failed', async () => {
    const {response} = streamed([encoder.encode('<p>コード:'), new TypeError('network error')]);
    expect(await readBodyCapped(response, 100)).to.deep.equal({text: '<p>コード:', truncated: false, failed: true});
  });

  it('stops when the request is aborted', async () => {
    const controller = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(encoder.encode('partial'));
        controller.signal.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
      },
    });
    const pending = readBodyCapped(new Response(stream), 100);
    setTimeout(() => controller.abort(), 10);
    expect(await pending).to.deep.equal({text: 'partial', truncated: false, failed: true});
  });

  it('decodes the charset the content type names', async () => {
    // 「コード」 in Shift_JIS.
    const sjis = new Uint8Array([0x83, 0x52, 0x81, 0x5b, 0x83, 0x68]);
    const {response} = streamed([sjis], {'Content-Type': 'text/html; charset=Shift_JIS'});
    expect((await readBodyCapped(response, 100)).text).to.equal('コード');
  });

  it('falls back to UTF-8 for an unknown charset', async () => {
    const {response} = streamed([encoder.encode('ok')], {'Content-Type': 'text/html; charset=x-nonsense'});
    expect((await readBodyCapped(response, 100)).text).to.equal('ok');
  });

  it('reads a response without a body as empty', async () => {
    expect(await readBodyCapped(new Response(null, {status: 204}), 100)).to.deep.equal({text: '', truncated: false, failed: false});
  });

  it('says a body already read failed', async () => {
    const response = new Response('hello');
    await response.text();
    expect(await readBodyCapped(response, 100)).to.deep.equal({text: '', truncated: false, failed: true});
  });

  it('uses text() for a response-like object without a stream, cut to the cap', async () => {
    const like = {body: undefined, headers: new Headers(), text: async () => 'x'.repeat(20)};
    expect(await readBodyCapped(like as unknown as Response, 5)).to.deep.equal({text: 'xxxxx', truncated: true, failed: false});
  });

  it('uses the default cap for a nonsense cap', async () => {
    const {response} = streamed([encoder.encode('abc')]);
    expect(await readBodyCapped(response, Number.NaN)).to.deep.equal({text: 'abc', truncated: false, failed: false});
  });

  const hostile: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 42],
    ['an object whose getters throw', {get body() { throw new Error('boom'); }, get headers() { throw new Error('boom'); }}],
    ['an object whose text() rejects', {body: undefined, headers: undefined, text: () => Promise.reject(new Error('boom'))}],
  ];
  for (const [name, value] of hostile) {
    it(`resolves for ${name}`, async () => {
      const result = await readBodyCapped(value as Response, 10);
      expect(result).to.deep.equal({text: '', truncated: false, failed: true});
    });
  }
});
