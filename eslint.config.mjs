import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // "Now" comes from lib/time/clock.ts, which CLOCK_NOW can pin: a test or demo of a fixed moment
    // must not read the wall clock behind its back. In-process TTLs use performance.now().
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    ignores: ['lib/time/clock.ts', 'lib/bench/**', 'scripts/bench.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the time from lib/time/clock.ts (now / nowMs), or performance.now() for durations and TTLs.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from lib/time/clock.ts (now / nowMs), or performance.now() for durations and TTLs.' },
      ],
    },
  },
  {
    // Links prefetch on intent (components/intent-link.tsx), not on sight: a dashboard page shows
    // dozens of links, and prefetching them all competes with the page's own queries.
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ignores: ['components/intent-link.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Use IntentLink from @/components/intent-link: it prefetches on hover or focus, not when the link scrolls into view.' }] }],
    },
  },
  {
    ignores: ['node_modules/**', '.next/**', 'data/**', 'bench-results/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
];

export default config;
