/**
 * Prints the clock-guard pass's test files as JSON, for vitest.config.mts: the config itself stays
 * free of TypeScript imports, which Vite's config loader only takes with a warning.
 */
import { clockGuardFiles } from './clock-reach';

process.stdout.write(JSON.stringify(clockGuardFiles(process.cwd())));
