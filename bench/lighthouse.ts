// First paint on a phone (issue 14): Lighthouse's mobile preset (simulated slow 4G, 4x CPU slowdown) with the
// system's Chromium on five pages as an anonymous visitor sees them with the demo content: the overview, the
// initiatives' board, an initiative, a debate and the participants. Targets: first contentful paint <= 1.0 s,
// largest contentful paint <= 1.2 s, <= 150 KB transferred. The server runs built, as `npm start` runs it, on
// a fresh embedded database (PGlite) with the demo content; each page is measured BENCH_LIGHTHOUSE_RUNS times
// (default 3) and its median run reported. Anonymous pages are kept by the server, so the first run's page is
// rendered afresh and the others are not: the first visit the figures stand for is the browser's (nothing
// cached), whatever the server has kept.
//
// Besides what was transferred, "br" is what the same answers would weigh were every text answer sent
// brotli-compressed (each answer's body compressed here; answers already compressed count as they came).
//
//   npm run bench:lighthouse
//   BENCH_LIGHTHOUSE_LANG=ar npm run bench:lighthouse     # the pages in another interface language
//   BENCH_LIGHTHOUSE_REQUESTS=1 npm run bench:lighthouse  # also lists every request of every run
//   CHROME_PATH=/path/to/chrome npm run bench:lighthouse
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { start, stop, waitFor } from './lib';

const port = Number(process.env.BENCH_PORT ?? 18335);
const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const lang = process.env.BENCH_LIGHTHOUSE_LANG ?? 'en';
const listRequests = process.env.BENCH_LIGHTHOUSE_REQUESTS === '1';
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const base = `http://127.0.0.1:${port}`;

const TARGETS = { fcp: 1000, lcp: 1200, kb: 150 };

interface Run {
  fcp: number;
  lcp: number;
  bytes: number;
  brBytes: number;
  requests: number;
}

interface NetworkItem {
  url: string;
  transferSize?: number;
  resourceSize?: number;
  mimeType?: string;
}

async function firstId(list: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/${list}?limit=1`);
  const body = (await res.json()) as { items?: { id: string }[] };
  const id = body.items?.[0]?.id;
  if (!id) throw new Error(`no ${list} in the demo content (${res.status})`);
  return id;
}

const brotli = (data: Buffer) =>
  zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** What an answer would weigh brotli-compressed: its body compressed here, its headers as they were. */
async function compressedSize(item: NetworkItem): Promise<number> {
  const transfer = item.transferSize ?? 0;
  const resource = item.resourceSize ?? 0;
  const text = /^(text\/|application\/(json|javascript|xml|atom)|image\/svg)/.test(item.mimeType ?? '');
  // Sent compressed already (smaller on the wire than in memory), not text, or not from this server.
  if (!text || transfer < resource || !item.url.startsWith(base)) return transfer;
  const res = await fetch(item.url, { headers: { 'accept-encoding': 'identity', 'accept-language': lang } });
  const body = Buffer.from(await res.arrayBuffer());
  return transfer - resource + brotli(body);
}

/** One Lighthouse run; a run whose trace Chromium did not record (NO_NAVSTART and the like) is run again. */
async function measurePage(url: string, chromePort: number, attempt = 1): Promise<Run> {
  try {
    return await measurePageOnce(url, chromePort);
  } catch (e) {
    if (attempt >= 3) throw e;
    console.warn(`  (run again: ${(e as Error).message})`);
    return measurePage(url, chromePort, attempt + 1);
  }
}

async function measurePageOnce(url: string, chromePort: number): Promise<Run> {
  const result = await lighthouse(url, {
    port: chromePort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    extraHeaders: { 'Accept-Language': lang },
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { audits } = result.lhr;
  const value = (id: string) => {
    const v = audits[id]?.numericValue;
    if (v === undefined) throw new Error(`${url}: no ${id} (${audits[id]?.errorMessage ?? 'not measured'})`);
    return v;
  };
  const items = ((audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ??
    []) as NetworkItem[];
  let brBytes = 0;
  for (const item of items) {
    const br = await compressedSize(item);
    brBytes += br;
    if (listRequests)
      console.log(
        `  ${((item.transferSize ?? 0) / 1024).toFixed(1).padStart(6)} KB  br ${(br / 1024).toFixed(1).padStart(6)} KB  ${item.url.replace(base, '')}`,
      );
  }
  return {
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    bytes: value('total-byte-weight'),
    brBytes,
    requests: items.length,
  };
}

const median = (list: Run[], key: keyof Run) => {
  const sorted = list.map((r) => r[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met').padEnd(8);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldn-lighthouse-'));
const server = start('src/server/main.ts', {
  PORT: String(port),
  HOST: '127.0.0.1',
  LDN_DATA_DIR: dataDir,
  LDN_RATE_LIMITS: 'off',
});
let chrome: chromeLauncher.LaunchedChrome | undefined;
let missed = 0;
try {
  await waitFor(`${base}/healthz`, 120);
  const pages: [string, string][] = [
    ['overview', '/'],
    ['initiatives', '/initiatives'],
    ['an initiative', `/initiatives/${await firstId('initiatives')}`],
    ['a debate', `/debates/${await firstId('debates')}`],
    ['participants', '/participants'],
  ];
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', ...(root ? ['--no-sandbox'] : [])],
  });
  console.log(
    `Lighthouse mobile (simulated slow 4G, 4x CPU), ${chromePath}, language ${lang}, median of ${runs} runs` +
      `\ntargets: FCP <= ${TARGETS.fcp / 1000} s, LCP <= ${TARGETS.lcp / 1000} s, <= ${TARGETS.kb} KB transferred\n`,
  );
  console.log(
    `${'page'.padEnd(16)}${'address'.padEnd(18)}${'FCP s'.padStart(6)}          ${'LCP s'.padStart(6)}          ` +
      `${'KB'.padStart(6)}          ${'br KB'.padStart(6)}  requests`,
  );
  for (const [name, address] of pages) {
    const list: Run[] = [];
    for (let i = 0; i < runs; i++) list.push(await measurePage(base + address, chrome.port));
    const fcp = median(list, 'fcp');
    const lcp = median(list, 'lcp');
    const kb = median(list, 'bytes') / 1024;
    const brKb = median(list, 'brBytes') / 1024;
    missed += Number(fcp > TARGETS.fcp) + Number(lcp > TARGETS.lcp) + Number(kb > TARGETS.kb);
    console.log(
      `${name.padEnd(16)}${address.padEnd(18)}${(fcp / 1000).toFixed(2).padStart(6)}  ${verdict(fcp <= TARGETS.fcp)}` +
        `${(lcp / 1000).toFixed(2).padStart(6)}  ${verdict(lcp <= TARGETS.lcp)}` +
        `${kb.toFixed(1).padStart(6)}  ${verdict(kb <= TARGETS.kb)}${brKb.toFixed(1).padStart(6)}  ` +
        `${String(median(list, 'requests')).padStart(8)}`,
    );
  }
  console.log(missed ? `\n${missed} target(s) missed.` : '\nEvery target met.');
} finally {
  chrome?.kill();
  await stop(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
