'use client';

import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { ChartSkeleton } from '@/components/chart-card';

/**
 * A plot drawn with recharts, loaded on demand so recharts stays out of every page's first-load
 * JS. Render it inside a sized box: until the code arrives it shows the card's loading skeleton
 * at that size, so nothing moves when the chart appears.
 */
export function lazyPlot<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let request: Promise<ComponentType<P>> | undefined;
  const fetchPlot = () => (request ??= load().then((plot) => (loaded = plot)));
  const Lazy = lazy(() => fetchPlot().then((plot) => ({ default: plot })));
  // Fetched as soon as a page that draws it boots, alongside the chart's query rather than after it.
  if (typeof window !== 'undefined') fetchPlot().catch(() => undefined);

  return function Plot(props: P) {
    // Chosen once per mount: swapping the lazy wrapper for the loaded plot later would remount the chart.
    const [Loaded] = useState(() => loaded);
    return (
      <PlotBoundary>
        {Loaded ? <Loaded {...props} /> : (
          <Suspense fallback={<ChartSkeleton className="h-full" />}>
            <Lazy {...props} />
          </Suspense>
        )}
      </PlotBoundary>
    );
  };
}

/** A plot whose code did not load (or that threw) fails inside its own box, not the whole page. */
class PlotBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" data-testid="chart-error" className="flex h-full items-center justify-center rounded border border-red-200 bg-red-50 p-4 text-center text-sm text-red-800">
        This chart could not be drawn. Reload the page to try again.
      </div>
    );
  }
}
