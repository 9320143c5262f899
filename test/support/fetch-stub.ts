import sinon from 'sinon';

/** One request the page made: the URL and the options it passed. */
export interface FetchCall {
  url: string;
  init: RequestInit;
}

/** `window.fetch` replaced by a sinon stub; `sinon.restore()` (in `afterEach`) puts it back. */
export type FetchStub = sinon.SinonStub<Parameters<typeof fetch>, Promise<Response>>;

/** A response with a JSON body, as the login API and the status feed send them. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json', ...headers}});
}

/**
 * Answers every `fetch()` of the page with `respond`, called during the `fetch()` call, once per
 * request (a response's body can be read only once, so each request gets a new one); a `respond`
 * that throws makes that fetch reject, as a network failure does. Calling it again in the same
 * test changes the answers and forgets the requests so far. Undo with `sinon.restore()`.
 *
 * @example
 * ```ts
 * afterEach(() => sinon.restore());
 * it('shows the guidance for SS503', async () => {
 *   const fetch = stubFetch(() => jsonResponse(503, {code: 'SS503'}, {'Retry-After': '120'}));
 *   …
 *   expect(fetchCalls(fetch)[0].url).to.match(/\/login$/);
 * });
 * ```
 */
export function stubFetch(respond: (call: FetchCall) => Response | Promise<Response>): FetchStub {
  const stubbed = (window.fetch as {isSinonProxy?: boolean}).isSinonProxy;
  const stub = stubbed ? (window.fetch as FetchStub) : sinon.stub(window, 'fetch');
  stub.resetHistory();
  stub.callsFake(async (input, init) => respond({url: urlOf(input), init: init ?? {}}));
  return stub;
}

/** The requests a {@link stubFetch} stub has answered, oldest first. */
export function fetchCalls(stub: FetchStub): FetchCall[] {
  return stub.args.map(([input, init]) => ({url: urlOf(input), init: init ?? {}}));
}

function urlOf(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : String(input);
}
