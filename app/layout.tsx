import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { getConfig } from '@/lib/config';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Gateway Lens — Databricks AI Gateway dashboard',
  description: 'Traffic, latency, errors, spend and conversations from Databricks AI Gateway inference tables.',
};

// The engine badge reflects the server's configuration at run time, not at build time.
export const dynamic = 'force-dynamic';

function engineLabel(): string {
  const config = getConfig();
  if (config.engine === 'databricks') return `Databricks SQL · ${config.databricks?.host ?? ''}`;
  return config.duckdb.dataDir ? 'Embedded DuckDB · DATA_DIR Parquet' : 'Embedded DuckDB · demo data';
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers queryConcurrency={getConfig().maxConcurrentQueries}>
          <Suspense>
            <AppShell engineLabel={engineLabel()}>{children}</AppShell>
          </Suspense>
        </Providers>
      </body>
    </html>
  );
}
