import 'server-only';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { summarise } from './stats';
import { evaluatePage } from './targets';
import type { PageResult } from './report';

// Counts the page's own fetches in flight, so a chart that has not mounted yet is not missed.
const INIT_SCRIPT = `(() => {
  let pending = 0;
  const original = window.fetch;
  window.fetch = function (...args) {
    pending++;
    return original.apply(this, args).finally(() => { pending--; });
  };
  window.__benchPending = () => pending;
})();`;

type BenchWindow = Window & { __benchPending(): number; __benchSince?: number | null; __benchFirstView?: number | null };

/**
 * Drawn: no chart card loading or busy, no fetch in flight, and the page stayed so for 500 ms.
 * Resolves to the moment it first became so, in ms since navigation start, and to when the
 * chart cards in the first screenful (the viewport as loaded, nothing scrolled) had all drawn:
 * what a visitor sees first. A function, not a string: the app's CSP forbids eval, which string
 * predicates need.
 */
const drawn = () => {
  const w = window as unknown as BenchWindow;
  const waiting = '[data-testid="chart-loading"], [data-testid="chart-starting"]';
  const now = performance.now();
  if (w.__benchFirstView == null && document.readyState === 'complete') {
    const cards = [...document.querySelectorAll('section[aria-busy]')].filter((s) => s.getBoundingClientRect().top < window.innerHeight);
    if (cards.length > 0 && cards.every((s) => s.getAttribute('aria-busy') !== 'true' && !s.querySelector(waiting))) w.__benchFirstView = now;
  }
  const busy = document.querySelector(`${waiting}, section[aria-busy="true"]`);
  const ready = document.readyState === 'complete' && !busy && w.__benchPending() === 0;
  if (!ready) {
    w.__benchSince = null;
    return false;
  }
  if (w.__benchSince == null) w.__benchSince = now;
  return now - w.__benchSince >= 500 ? { at: w.__benchSince, firstView: Math.min(w.__benchFirstView ?? w.__benchSince, w.__benchSince) } : false;
};

export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
}

/** Each page `runs` times in a fresh browser context (cold HTTP cache, as a first visit). */
export async function measurePage(browser: Browser, baseUrl: string, pagePath: string, runs: number, opts: { screenshot?: string; timeoutMs?: number } = {}): Promise<PageResult> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const draws: number[] = [];
  const firstViews: number[] = [];
  const scripts = new Set<string>();
  let html = '';
  let charts = 0;
  let failedCharts = 0;
  let emptyCharts = 0;
  let note: string | undefined;
  // The API calls of the first run, in the order the page made them (what plan mode plans).
  const calls: string[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: INIT_SCRIPT });
    const page = await context.newPage();
    if (i === 0) {
      page.on('request', (req) => {
        if (req.url().startsWith(`${baseUrl}/api/`)) calls.push(req.url().slice(baseUrl.length));
      });
      page.on('response', (res) => {
        if (res.request().resourceType() === 'script' && res.url().startsWith(baseUrl)) scripts.add(res.url());
        if (res.request().isNavigationRequest() && res.request().frame() === page.mainFrame()) res.text().then((t) => { html = t; }, () => {});
      });
    }
    try {
      await page.goto(`${baseUrl}${pagePath}`, { waitUntil: 'commit', timeout: timeoutMs });
      const handle = await page.waitForFunction(drawn, undefined, { polling: 50, timeout: timeoutMs });
      const { at, firstView } = await handle.jsonValue() as { at: number; firstView: number };
      draws.push(at);
      firstViews.push(firstView);
      // The drawn state as the benchmark saw it, to check by eye that "drawn" means drawn.
      if (i === 0 && opts.screenshot) await page.screenshot({ path: opts.screenshot, fullPage: true });
      [charts, failedCharts, emptyCharts] = await page.evaluate(() => [
        document.querySelectorAll('section[aria-busy]').length,
        document.querySelectorAll('[data-testid="chart-error"]').length,
        document.querySelectorAll('[data-testid="chart-empty"]').length,
      ]);
    } catch (err) {
      note = `run ${i + 1}: ${(err as Error).message.split('\n')[0]}`;
    } finally {
      await context.close();
    }
  }
  // First-load JS: the scripts the page's HTML names. Code split off and fetched later (e.g. the
  // chart library, loaded while the data is on its way) is counted apart, as all JS by draw time.
  const firstLoad = firstLoadScripts(html, `${baseUrl}${pagePath}`);
  const allScripts = await gzippedSizes([...scripts]);
  const jsScripts = allScripts.filter((s) => firstLoad.has(s.url));
  const jsGzipBytes = html && jsScripts.length ? jsScripts.reduce((sum, x) => sum + x.gzipBytes, 0) : null;
  const jsAllGzipBytes = allScripts.length ? allScripts.reduce((sum, x) => sum + x.gzipBytes, 0) : null;
  const draw = summarise(draws);
  return {
    path: pagePath,
    charts,
    failedCharts,
    emptyCharts,
    draw,
    firstView: summarise(firstViews),
    jsGzipBytes,
    jsFiles: jsScripts.length,
    jsAllGzipBytes,
    jsScripts: allScripts,
    calls,
    evaluation: evaluatePage(draws.length === runs ? draw.p50 : null, jsGzipBytes, failedCharts),
    note,
  };
}

/** Paths of the `<script src>` of a page's HTML, leaving out `nomodule` polyfills modern browsers skip. */
export function firstLoadScripts(html: string, pageUrl: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (!src || /\bnomodule\b/i.test(attrs)) continue;
    out.add(new URL(src.replaceAll('&amp;', '&'), pageUrl).pathname);
  }
  return out;
}

/** Each script's size after gzip -9, as a server compressing it would send it; largest first. */
async function gzippedSizes(urls: string[]): Promise<{ url: string; gzipBytes: number }[]> {
  const out: { url: string; gzipBytes: number }[] = [];
  for (const url of urls) {
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await res.arrayBuffer());
    out.push({ url: new URL(url).pathname, gzipBytes: zlib.gzipSync(body, { level: 9 }).length });
  }
  return out.sort((a, b) => b.gzipBytes - a.gzipBytes);
}
