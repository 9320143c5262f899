// The helper processes WebKit needs in every script that drives it (`npm test`, the Storybook
// smoke test): Xvfb when DISPLAY is unset, and WebKitWebDriver on a free port. Both are stopped,
// with their process groups, by stopHelpers() and on exit.
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {findWebKit, findXvfb} from './browsers.mjs';

/** Processes started here, stopped (with their process groups) on exit. */
const helpers = [];

/** Stops every helper this process started (MiniBrowser and its web processes with the driver). */
export function stopHelpers() {
  for (const child of helpers.splice(0).reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM'); // the group: WebKitWebDriver's MiniBrowser and web processes too
    } catch {
      child.kill('SIGTERM');
    }
  }
}
process.on('exit', stopHelpers);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startHelper(command, argv, options = {}) {
  const child = spawn(command, argv, {detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...options});
  helpers.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.stderrTail = () => stderr.trim();
  return child;
}

/**
 * Starts Xvfb on a display number it picks itself (-displayfd); resolves to ":N".
 * The screen is small on purpose: with no window manager, X gives keyboard focus to the window
 * under the pointer, which sits at the screen's centre (160, 120). MiniBrowser's window (at 0, 0,
 * at least 447 px wide, and free to be larger than the screen) always covers that point, so the
 * page has focus (document.hasFocus(), focus events, :focus-visible) at every viewport size.
 */
export function startXvfb() {
  const xvfb = startHelper(findXvfb(), ['-displayfd', '3', '-screen', '0', '320x240x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s.\n${xvfb.stderrTail()}`)), 10000);
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) before it was ready.\n${xvfb.stderrTail()}`));
    });
  });
}

/**
 * Starts WebKitWebDriver on a free local port and waits until it answers /status; resolves to the
 * port. `env` goes to the driver and the MiniBrowser it starts (`GTK_THEME=Adwaita:dark` makes
 * pages see `prefers-color-scheme: dark`).
 */
export async function startWebKitDriver(display, env = {}) {
  const driverPath = findWebKit().driver;
  const port = await freePort();
  const driver = startHelper(driverPath, [`--port=${port}`, '--host=127.0.0.1'], {
    env: {...process.env, ...env, DISPLAY: display},
  });
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return port;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver (${driverPath}) did not start on port ${port}.\n${driver.stderrTail()}`);
}
