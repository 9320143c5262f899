/**
 * Reading a login answer's body without trusting its size.
 *
 * No DOM and no Lit: only the Fetch and Streams APIs. `response.text()` reads a body whole
 * before anything can look at its length, so a server (or a proxy's error page) sending
 * megabytes would be held in memory in full although the response mapping reads only the
 * first few kilobytes (`BODY_SCAN_LIMIT`, `JSON_PARSE_LIMIT` in `login-response.ts`).
 */

/** Bytes of a login answer read by default: 128 KiB (a JSON answer is a few hundred bytes). */
export const LOGIN_BODY_MAX_BYTES = 128 * 1024;

/** What {@link readBodyCapped} read. */
export interface CappedBody {
  /** The body decoded as text, from at most `maxBytes` bytes (a character cut at the cap is dropped). */
  text: string;
  /** The body was longer than `maxBytes`: the rest was not read and the stream was cancelled. */
  truncated: boolean;
  /** Reading failed part way (connection reset, aborted): `text` holds what arrived before. */
  failed: boolean;
}

/** The part of a `Response` that is read. */
export type ReadableResponse = Pick<Response, 'body' | 'headers' | 'text'> & {readonly bodyUsed?: boolean};

function decoderFor(headers: Headers | undefined): TextDecoder {
  let charset = 'utf-8';
  try {
    const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(headers?.get('content-type') ?? '');
    if (match) charset = match[1];
    // Shift_JIS and EUC-JP pages are still served in Japan; TextDecoder knows them.
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8');
  }
}

function byteLimit(maxBytes: number | undefined): number {
  return typeof maxBytes === 'number' && Number.isFinite(maxBytes) && maxBytes >= 0 ? Math.floor(maxBytes) : LOGIN_BODY_MAX_BYTES;
}

/**
 * Reads at most `maxBytes` bytes of `response`'s body, decodes them (the charset of
 * `Content-Type`, else UTF-8) and cancels the stream once the cap is reached, so the rest is
 * never downloaded into memory. Resolves in every case, never rejects.
 *
 * | the body | result |
 * |---|---|
 * | up to `maxBytes` bytes | `{text, truncated: false, failed: false}` |
 * | longer | the first `maxBytes` bytes as text, `truncated: true`; the stream is cancelled |
 * | a read fails part way (reset, the request's `AbortSignal` fired) | what arrived, `failed: true` |
 * | no body (`204`, `HEAD`) | `{text: '', truncated: false, failed: false}` |
 * | a body already read, or a `Response` without streams | `response.text()`, cut to `maxBytes` characters; `failed: true` when that throws |
 *
 * `maxBytes` defaults to {@link LOGIN_BODY_MAX_BYTES}; a negative, `NaN` or non-number value
 * counts as the default.
 *
 * @example
 * ```ts
 * const response = await fetch(url, {method: 'POST', body, signal});
 * const {text} = await readBodyCapped(response, LOGIN_BODY_MAX_BYTES);
 * const result = mapLoginResponse({status: response.status, headers: response.headers, body: text});
 * ```
 */
export async function readBodyCapped(response: ReadableResponse | null | undefined, maxBytes?: number): Promise<CappedBody> {
  const limit = byteLimit(maxBytes);
  if (!response || typeof response !== 'object') return {text: '', truncated: false, failed: true};
  let headers: Headers | undefined;
  let stream: ReadableStream<Uint8Array> | null = null;
  try {
    headers = response.headers;
    stream = response.body;
  } catch {
    return {text: '', truncated: false, failed: true};
  }
  const decoder = decoderFor(headers);
  if (!stream || typeof stream.getReader !== 'function' || stream.locked) {
    if (stream === null && response.bodyUsed !== true) {
      return {text: '', truncated: false, failed: false};
    }
    try {
      const text = await response.text();
      return {text: text.slice(0, limit), truncated: text.length > limit, failed: false};
    } catch {
      return {text: '', truncated: false, failed: true};
    }
  }

  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = stream.getReader();
  } catch {
    return {text: '', truncated: false, failed: true};
  }
  let text = '';
  let received = 0;
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) continue;
      const room = limit - received;
      if (value.byteLength > room) {
        text += decoder.decode(value.subarray(0, room), {stream: true});
        // A character cut at the cap stays out: the decoder holds its first bytes back.
        void reader.cancel().catch(() => {});
        return {text, truncated: true, failed: false};
      }
      received += value.byteLength;
      text += decoder.decode(value, {stream: true});
    }
    return {text: text + decoder.decode(), truncated: false, failed: false};
  } catch {
    void reader.cancel().catch(() => {});
    return {text, truncated: false, failed: true};
  } finally {
    try {
      reader.releaseLock();
    } catch {
      // Released already, or a read is still pending after cancel().
    }
  }
}
