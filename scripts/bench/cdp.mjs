// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fd 3 → browser,
// fd 4 ← browser, NUL-terminated JSON): no WebSocket, no port, no dependency. The benchmark needs
// a handful of commands (targets, browser contexts, Runtime, HeapProfiler), nothing else.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * Launches one headless Chromium and returns a CDP connection to it.
 * @param {string} executable
 * @param {string[]} args extra flags (the project's headless flags from scripts/browsers.mjs)
 */
export async function launchChromium(executable, args) {
  const profile = mkdtempSync(join(tmpdir(), 'sonet-bench-'));
  const child = spawn(
    executable,
    [...args, '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--enable-precise-memory-info', 'about:blank'],
    {stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: false}
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const connection = new Connection(child.stdio[3], child.stdio[4]);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.on('exit', (code, signal) => connection.closed(new Error(`Chromium exited (${code ?? signal}): ${stderr.trim()}`)));
  const version = await connection.send('Browser.getVersion');
  return {
    connection,
    version,
    async close() {
      try {
        await Promise.race([connection.send('Browser.close'), new Promise((r) => setTimeout(r, 2000))]);
      } catch {
        // Already gone.
      }
      if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(profile, {recursive: true, force: true, maxRetries: 5, retryDelay: 200});
    },
  };
}

class Connection {
  constructor(writable, readable) {
    this.writable = writable;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.error = null;
    let buffer = '';
    readable.setEncoding('utf8');
    readable.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
  }

  dispatch(message) {
    if (message.id !== undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
      else p.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  closed(error) {
    this.error = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Sends a command (to a session when `sessionId` is given) and resolves with its result. */
  send(method, params = {}, sessionId) {
    if (this.error) return Promise.reject(this.error);
    const id = this.nextId++;
    const message = {id, method, params, ...(sessionId ? {sessionId} : {})};
    return new Promise((resolve, reject) => {
      this.pending.set(id, {resolve, reject, method});
      this.writable.write(JSON.stringify(message) + '\0');
    });
  }

  /** Resolves with the first event `method` (of `sessionId`) for which `predicate` holds. */
  waitFor(method, sessionId, predicate = () => true, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for ${method}`));
      }, timeoutMs);
      const listener = (m) => {
        if (m.method === method && m.sessionId === sessionId && predicate(m.params)) {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve(m.params);
        }
      };
      this.listeners.add(listener);
    });
  }
}

/**
 * A fresh page: a new browser context (so a new renderer process, empty caches) with one target,
 * attached in flat mode. `close()` disposes the whole context.
 */
export async function openPage(connection, url, {timeoutMs = 30_000} = {}) {
  const {browserContextId} = await connection.send('Target.createBrowserContext', {disposeOnDetach: true});
  const {targetId} = await connection.send('Target.createTarget', {url: 'about:blank', browserContextId});
  const {sessionId} = await connection.send('Target.attachToTarget', {targetId, flatten: true});
  const send = (method, params) => connection.send(method, params, sessionId);
  await send('Page.enable');
  await send('Runtime.enable');
  const loaded = connection.waitFor('Page.loadEventFired', sessionId, () => true, timeoutMs);
  const exceptions = [];
  const onException = (m) => {
    if (m.sessionId === sessionId && m.method === 'Runtime.exceptionThrown') {
      exceptions.push(m.params.exceptionDetails?.exception?.description ?? m.params.exceptionDetails?.text);
    }
  };
  connection.listeners.add(onException);
  await send('Page.navigate', {url});
  await loaded;
  return {
    send,
    exceptions,
    /** Evaluates an expression in the page, awaiting a returned promise; returns its JSON value. */
    async evaluate(expression, evalTimeoutMs = 60_000) {
      let timer;
      const r = await Promise.race([
        send('Runtime.evaluate', {expression, awaitPromise: true, returnByValue: true}),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${url}: ${expression} did not settle in ${evalTimeoutMs} ms ${exceptions.join(' | ')}`)),
            evalTimeoutMs
          );
        }),
      ]).finally(() => clearTimeout(timer));
      if (r.exceptionDetails) {
        throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      }
      return r.result.value;
    },
    async close() {
      connection.listeners.delete(onException);
      await connection.send('Target.closeTarget', {targetId}).catch(() => {});
      await connection.send('Target.disposeBrowserContext', {browserContextId}).catch(() => {});
    },
  };
}
