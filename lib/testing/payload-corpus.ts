import fs from 'node:fs';
import path from 'node:path';
import type { PayloadFacts } from '@/lib/payload';

/** What a view must show for one corpus row (fixtures/payloads/README.md explains each field). */
export interface CorpusExpect {
  facts: Partial<PayloadFacts>;
  roles?: string[];
  answers?: string[];
  finish?: string[];
  reasoning?: string;
  images?: number;
  toolArguments?: string[];
  notes?: string[];
  anonymized?: string[];
  code?: string;
  html?: boolean;
  noError?: boolean;
  embeddings?: { inputs: number; vectors: number; dimensions: number; encoding: string };
  trace?: {
    types: string[];
    names: string[];
    depths: number[];
    statuses: string[];
    durationsMs: number[];
    errorSpan?: string;
    errorMessage?: string;
    tokens: ({ input: number; output: number; total: number } | null)[];
  };
}

export interface CorpusRow {
  /** `<kind>/<name>`, the fixture's path under fixtures/payloads without `.json`. */
  id: string;
  source: string;
  note?: string;
  status_code: number;
  logging_error_codes: string[];
  request: string | null;
  response: string | null;
  expect: CorpusExpect;
}

export const CORPUS_DIR = path.join(process.cwd(), 'fixtures', 'payloads');

/** Every fixture of the corpus, in a stable order (kind, then name). */
export function readCorpus(dir = CORPUS_DIR): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (const kind of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, kind);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const file of fs.readdirSync(sub).filter((f) => f.endsWith('.json')).sort()) {
      rows.push({ id: `${kind}/${file.slice(0, -5)}`, ...JSON.parse(fs.readFileSync(path.join(sub, file), 'utf8')) });
    }
  }
  return rows;
}
