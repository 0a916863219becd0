#!/usr/bin/env node
// Starts the production server. Under Databricks Apps it listens on 0.0.0.0:$DATABRICKS_APP_PORT;
// elsewhere on localhost unless HOST says otherwise, so an embedded demo is not exposed by accident.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const onDatabricksApps = Boolean(process.env.DATABRICKS_APP_PORT);
const host = process.env.HOST || (onDatabricksApps ? '0.0.0.0' : '127.0.0.1');
const port = process.env.DATABRICKS_APP_PORT || process.env.PORT || '3000';

if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
  console.error('No production build found: run `npm run build` first (the README\'s first command does both).');
  process.exit(1);
}

const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const child = spawn(process.execPath, [next, 'start', '-H', host, '-p', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
