'use client';

import { IntentLink } from '@/components/intent-link';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { sampleText, type PointLine } from '@/lib/charts/point-lines';
import { bucketLines, bucketSpan, dragSpan, seriesNarrowing, zoomQuery, type Narrowing, type SeriesKind, type Span } from '@/lib/client/drill';
import type { DashboardState } from '@/lib/client/search-params';
import { useHere } from '@/lib/client/use-here';
import type { Bucket } from '@/lib/time/buckets';
import { formatZonedShort, formatZonedTimestamp } from '@/lib/time/zone';

/** How a time chart leads to the requests behind it. */
export interface Drill {
  state: DashboardState;
  /** What the series names are (so one series can narrow the requests to itself). */
  kind: SeriesKind;
  /** The chart's own condition on its requests: successful ones, slowest first… */
  base?: Narrowing;
  entityIdOf?: (name: string) => string | null;
  /** The requests in words: "successful requests, slowest first". */
  what?: string;
  /** How a series narrows the requests, when its names are not of a SeriesKind (a finance dimension's values). */
  narrow?: (series: string) => Narrowing | null;
  /** A second way into a series: the same value on another page ("by project in Finance"). */
  also?: { label: string; href: (series: string, span: Span) => string | null };
}

/** What the plot reports of the pointer, by index of the point under it; and the dragged selection to shade. */
export interface PlotInteraction {
  down: (index: number) => void;
  move: (index: number) => void;
  up: (index: number) => void;
  selection: { from: number; to: number } | null;
}

interface FrameProps {
  drill?: Drill;
  points: readonly { t: number }[];
  bucket: Bucket;
  tz: string;
  domain: readonly [number, number];
  label: string;
  height?: string;
  linesAt: (index: number) => PointLine[];
  children: (interaction: PlotInteraction | undefined) => ReactNode;
}

/**
 * A time chart that leads somewhere: a click on a bucket opens a menu (zoom the page to it, or
 * open its requests: all, or one series'); a drag across buckets zooms the page to them. The same
 * data is a table below the chart, reachable by keyboard and screen readers, with the same links.
 */
export function DrillFrame({ drill, points, bucket, tz, domain, label, height = 'h-72', linesAt, children }: FrameProps) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pointer, setPointer] = useState({ x: 0, y: 0, width: 600 });
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [menu, setMenu] = useState<{ index: number; x: number; y: number; width: number } | null>(null);
  const window: Span = { start: domain[0], end: domain[1] };
  const spanOf = (index: number) => bucketSpan(points[index]!.t, bucket, tz, window);
  const zoom = (span: Span) => router.push(`${pathname}?${zoomQuery(search.toString(), drill!.state, span)}`, { scroll: false });

  const interaction: PlotInteraction | undefined = drill && {
    down: (index) => { setMenu(null); setDrag({ from: index, to: index }); },
    move: (index) => setDrag((d) => (d && d.to !== index ? { ...d, to: index } : d)),
    up: (index) => {
      const d = drag;
      setDrag(null);
      if (!d) return;
      if (d.from !== index) zoom(dragSpan(points[d.from]!.t, points[index]!.t, bucket, tz, window));
      else setMenu({ index, ...pointer });
    },
    selection: drag && drag.from !== drag.to ? { from: points[Math.min(drag.from, drag.to)]!.t, to: points[Math.max(drag.from, drag.to)]!.t } : null,
  };

  return (
    <div className="relative">
      <div
        className={`${height} ${drill ? 'cursor-crosshair select-none' : ''}`}
        role="img"
        aria-label={drill ? `${label}. Click a bucket for its requests, or drag across buckets to zoom; the table below has the same data and links.` : label}
        onPointerDown={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setPointer({ x: e.clientX - r.left, y: e.clientY - r.top, width: r.width });
        }}
        onPointerLeave={() => setDrag(null)}
      >
        {children(interaction)}
      </div>
      {drill && menu && points[menu.index] && (
        <BucketMenu drill={drill} span={spanOf(menu.index)} bucket={bucket} tz={tz} lines={linesAt(menu.index)} x={menu.x} y={menu.y} width={menu.width} onZoom={zoom} onClose={() => setMenu(null)} />
      )}
      <DataTable drill={drill} points={points} bucket={bucket} tz={tz} spanOf={spanOf} linesAt={linesAt} label={label} onZoom={zoom} />
    </div>
  );
}

function useLines(drill: Drill, span: Span, lines: PointLine[]) {
  const here = useHere();
  const narrow = (series: string) => (drill.narrow ? drill.narrow(series) : seriesNarrowing(drill.kind, series, drill.entityIdOf));
  // A mark of no series (the day's total, its unpriced tokens) has no requests of its own to open.
  const out = bucketLines(drill.state, span, drill.base ?? {}, lines.map((l) => ({ label: l.label, value: l.text, color: l.color, narrowing: l.ofSeries ? narrow(l.series) : null })), here);
  return { ...out, lines: out.lines.map((l, i) => ({ ...l, also: drill.also?.href(lines[i]!.series, span) ?? null })) };
}

function BucketMenu({ drill, span, bucket, tz, lines, x, y, width, onZoom, onClose }: { drill: Drill; span: Span; bucket: Bucket; tz: string; lines: PointLine[]; x: number; y: number; width: number; onZoom: (s: Span) => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // The series, largest first; totals and rates (other units) after them.
  const links = useLines(drill, span, [...lines].sort((a, b) => Number(b.ofSeries) - Number(a.ofSeries) || b.sortValue - a.sortValue));
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('a, button')?.focus();
    const away = (e: PointerEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);
  const when = `${formatZonedShort(span.start, tz)}–${formatZonedShort(span.end, tz).slice(bucket === 'day' ? 0 : 6)} ${tz}`;
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={`Bucket ${when}`}
      data-testid="bucket-menu"
      onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}
      className="absolute z-20 w-72 max-w-[90vw] rounded-md border border-slate-300 bg-white p-2 text-sm shadow-lg"
      style={{ left: Math.max(0, Math.min(x, width - 290)), top: y + 8 }}
    >
      <div className="mb-1 flex items-center gap-2">
        <span className="font-semibold">{when}</span>
        <button type="button" aria-label="Close" onClick={onClose} className="ml-auto rounded px-1 text-slate-500 hover:bg-slate-100">×</button>
      </div>
      <button type="button" onClick={() => onZoom(span)} className="block w-full rounded px-2 py-1 text-left text-sky-800 hover:bg-sky-50">Zoom the page to this {bucket}</button>
      <IntentLink href={links.all} className="block rounded px-2 py-1 text-sky-800 hover:bg-sky-50" data-testid="bucket-requests">Open its {drill.what ?? 'requests'}</IntentLink>
      {links.lines.length > 1 || (links.lines[0] && links.lines[0].label !== 'All requests') ? (
        <ul className="mt-1 max-h-56 overflow-auto border-t border-slate-100 pt-1">
          {links.lines.map((l) => (
            <li key={l.label} className="flex items-center gap-2 px-2 py-0.5">
              <span className="inline-block h-2 w-2 shrink-0 rounded-full" style={{ background: l.color }} aria-hidden />
              {l.href ? <IntentLink href={l.href} className="min-w-0 flex-1 truncate text-sky-800 hover:underline" data-testid="bucket-series">{l.label}</IntentLink> : <span className="min-w-0 flex-1 truncate">{l.label}</span>}
              <span className="tabular-nums text-slate-600">{l.value}</span>
              {l.also && <IntentLink href={l.also} className="whitespace-nowrap text-xs text-sky-700 hover:underline" data-testid="bucket-also">{drill.also!.label}</IntentLink>}
            </li>
          ))}
        </ul>
      ) : null}
      {lines.some((l) => l.n !== null) && <p className="mt-1 px-2 text-xs text-slate-500">{lines.filter((l) => l.n !== null).map((l) => `${l.label}: ${sampleText(l)}`).join('; ')}</p>}
    </div>
  );
}

/** The chart's data as a table (each bucket with its zoom and requests), opened on demand. */
function DataTable({ drill, points, bucket, tz, spanOf, linesAt, label, onZoom }: { drill?: Drill; points: readonly { t: number }[]; bucket: Bucket; tz: string; spanOf: (i: number) => Span; linesAt: (i: number) => PointLine[]; label: string; onZoom: (s: Span) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-1 text-xs" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="cursor-pointer text-slate-500 hover:text-slate-800">Data table{drill ? ' (with links to each bucket’s requests)' : ''}</summary>
      {open && (
        <div className="mt-1 max-h-72 overflow-auto rounded border border-slate-200">
          <table className="w-full text-left" aria-label={`${label}, per ${bucket}`}>
            <thead className="sticky top-0 bg-white text-slate-500"><tr><th className="px-2 py-1">{bucket} ({tz})</th><th className="px-2 py-1">Values</th>{drill && <th className="px-2 py-1">Go to</th>}</tr></thead>
            <tbody>
              {points.map((p, i) => <TableRow key={p.t} drill={drill} t={p.t} tz={tz} span={spanOf(i)} lines={linesAt(i)} onZoom={onZoom} />)}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

function TableRow({ drill, t, tz, span, lines, onZoom }: { drill?: Drill; t: number; tz: string; span: Span; lines: PointLine[]; onZoom: (s: Span) => void }) {
  return (
    <tr className="border-t border-slate-100 align-top">
      <td className="px-2 py-1 whitespace-nowrap tabular-nums">{formatZonedTimestamp(t, tz).replace(` ${tz}`, '')}</td>
      <td className="px-2 py-1">{lines.map((l) => <div key={l.label}>{l.label}: <span className="tabular-nums">{l.text}</span>{l.n !== null && <span className="text-slate-500"> ({sampleText(l)})</span>}</div>)}</td>
      {drill && <td className="px-2 py-1 whitespace-nowrap"><RowLinks drill={drill} span={span} lines={lines} onZoom={onZoom} /></td>}
    </tr>
  );
}

function RowLinks({ drill, span, lines, onZoom }: { drill: Drill; span: Span; lines: PointLine[]; onZoom: (s: Span) => void }) {
  const links = useLines(drill, span, lines);
  return (
    <>
      <button type="button" onClick={() => onZoom(span)} className="text-sky-700 hover:underline">Zoom</button>
      {' · '}
      <IntentLink href={links.all} className="text-sky-700 hover:underline">Requests</IntentLink>
    </>
  );
}
