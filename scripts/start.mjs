#!/usr/bin/env node
// Starts the production server on the address listen-address.mjs chooses.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { listenAddress } from './listen-address.mjs';

const { host, port } = listenAddress(process.env);

if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
  console.error('No production build found: run `npm run build` first (the README\'s first command does both).');
  process.exit(1);
}

const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const child = spawn(process.execPath, [next, 'start', '-H', host, '-p', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
