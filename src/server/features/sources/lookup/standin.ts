// A local stand-in for the three catalogues of "Add by identifier" (doi.org, Open Library, Wikidata), for tests:
// answers what `records` holds, 404 otherwise, and never answers paths marked `silent` (for the time limit).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LookupStandin {
  base: string;
  /** Answers by path and query (`/10.1000/x`, `/ol/api/books?bibkeys=…`): a JSON body. */
  records: Map<string, unknown>;
  /** Paths (without query) that get no answer at all. */
  silent: Set<string>;
  requests: { url: string; accept: string; userAgent: string }[];
  close(): Promise<void>;
}

export async function startLookupStandin(): Promise<LookupStandin> {
  const records = new Map<string, unknown>();
  const silent = new Set<string>();
  const requests: LookupStandin['requests'] = [];
  const waiting = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({
      url,
      accept: String(req.headers.accept ?? ''),
      userAgent: String(req.headers['user-agent'] ?? ''),
    });
    if (silent.has(url.split('?')[0] ?? '')) {
      waiting.add(res);
      return;
    }
    const body = records.get(url);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    records,
    silent,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of waiting) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
