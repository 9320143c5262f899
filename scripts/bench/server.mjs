// The benchmark's tiny HTTP server: loopback only, every response cross-origin isolated
// (COOP same-origin + COEP require-corp, so performance.now() has its fine resolution), never
// cached (each sample in a fresh page pays the same fetch, parse and compile) and gzip-encoded
// as a production server sends it (so an emulated network carries the real bytes).
import {createServer} from 'node:http';
import {gzipSync} from 'node:zlib';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Serves `routes` (a Map of path → Buffer | string) on 127.0.0.1 at a free port.
 * @returns {Promise<{origin: string, close(): Promise<void>}>}
 */
export async function startServer(routes) {
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const body = routes.get(path);
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (body === undefined) {
      res.writeHead(404, {...headers, 'Content-Type': 'text/plain'});
      res.end('not found');
      return;
    }
    const ext = path.slice(path.lastIndexOf('.'));
    headers['Content-Type'] = TYPES[ext] ?? 'text/html; charset=utf-8';
    headers.Vary = 'Accept-Encoding';
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(path)) gzipped.set(path, gzipSync(body, {level: 9}));
      res.writeHead(200, {...headers, 'Content-Encoding': 'gzip', 'Content-Length': gzipped.get(path).length});
      res.end(gzipped.get(path));
      return;
    }
    res.writeHead(200, {...headers, 'Content-Length': Buffer.byteLength(body)});
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const {port} = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
