#!/usr/bin/env node
// Starts the production server on the address listen-address.mjs chooses. Next.js runs inside a
// plain Node HTTP server so that requests it cannot handle are refused first (request-guard.mjs).
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import next from 'next';
import { listenAddress } from './listen-address.mjs';
import { checkRequest, refuse } from './request-guard.mjs';
import { securityHeaders } from '../next.config.mjs';

const { host, port } = listenAddress(process.env);

if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
  console.error('No production build found: run `npm run build` first (the README\'s first command does both).');
  process.exit(1);
}

process.env.NODE_ENV = 'production';
const app = next({ dev: false, hostname: host, port: Number(port), dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

// The same levels and streams as lib/logger.ts.
const quiet = { warn: 1, error: 2 }[process.env.LOG_LEVEL ?? ''] ?? 0;
const log = (line, level) => {
  if (level === 'warn') process.stderr.write(`${line}\n`);
  else if (!quiet) process.stdout.write(`${line}\n`);
};
const server = http.createServer((req, res) => {
  const refused = checkRequest(req.method ?? '', req.url ?? '/');
  if (refused) return refuse(res, refused, { method: req.method ?? '', securityHeaders, log });
  void handle(req, res);
});
server.listen(Number(port), host, () => {
  console.log(`Gateway Lens listening on http://${host.includes(':') ? `[${host}]` : host}:${port}`);
});
