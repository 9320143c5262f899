#!/usr/bin/env node
// `npm start` = `npm run build && node scripts/serve.mjs`: serves the demo page with the
// simulated So-net login server (demo/server/) on http://localhost:8000/demo/.
//
// Environment: PORT (first port to try, default 8000; the next free one is used when taken),
// HOST (interface, default 127.0.0.1: loopback only), FAST_LOCK=1 (locks last 30 s, not 10 min).
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {REPO_ROOT, startDemoServer} from '../demo/server/demo-server.mjs';
import {DEMO_IDS} from '../demo/server/login-state.mjs';

const BUNDLE = 'dist/bundle/sonet-login-elements.min.js';

function parsePort(value) {
  if (value === undefined || value === '') return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, got "${value}".`);
    process.exit(2);
  }
  return port;
}

const port = parsePort(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';
const fastLock = process.env.FAST_LOCK === '1';

let server;
try {
  server = await startDemoServer({
    port,
    host,
    api: {
      fastLock,
      // Method, path, status and code only: never a body, a user ID or a password.
      log: ({method, path, status, code}) => console.log(`  ${method} ${path} → ${status || 'client closed'}${code ? ` ${code}` : ''}`),
    },
  });
} catch (error) {
  console.error(`Could not start the demo server on ${host}:${port}: ${error.message}`);
  process.exit(1);
}

const demoUrl = `${server.url}demo/`;
const lines = [
  '',
  `sonet-login-elements demo: ${demoUrl}`,
  server.port !== port && port !== 0 ? `  (port ${port} was taken; using ${server.port})` : '',
  existsSync(join(REPO_ROOT, BUNDLE))
    ? ''
    : `  ${BUNDLE} is missing: run \`npm run build\` (\`npm start\` does) — until then the page shows the plain form.`,
  '',
  'Demo accounts (any password unless shown):',
  ...table(DEMO_IDS.map((row) => [row.userId, row.password ?? '(any)', row.en])),
  '',
  `Locks last ${fastLock ? '30 seconds' : '10 minutes'}. Reset the demo state on the page or: curl -X POST ${server.url}api/demo/reset`,
  'Press Ctrl+C to stop.',
  '',
];
console.log(lines.filter((line, i) => line !== '' || lines[i - 1] !== '').join('\n'));

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c]) : cell)).join('  ')}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await server.stop();
    process.exit(0);
  });
}
