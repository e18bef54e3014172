// A local stand-in for doi.org's content negotiation (LDN_DOI_BASE points at it): one DOI answers CSL-JSON,
// any other is a 404, as doi.org answers an unknown DOI. The end-to-end server looks DOIs up here, never on
// the network.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The one DOI it knows, and the record it answers (CSL-JSON, as doi.org gives it). */
export const E2E_DOI = '10.5555/ldn-e2e.2026';
export const E2E_DOI_TITLE = 'Facilitating Volunteer Communities';
const CSL = {
  type: 'article-journal',
  DOI: E2E_DOI,
  title: E2E_DOI_TITLE,
  author: [
    { family: 'Okafor', given: 'Ngozi' },
    { family: 'Lindqvist', given: 'Åsa' },
  ],
  issued: { 'date-parts': [[2021, 5]] },
  'container-title': 'Journal of Open Communities',
  publisher: 'Open Communities Press',
  language: 'en',
  URL: `https://doi.org/${E2E_DOI}`,
};

export interface DoiStandin {
  base: string;
  close(): Promise<void>;
}

export async function startDoiStandin(port = 0): Promise<DoiStandin> {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).toLowerCase();
    if (req.method === 'GET' && path.endsWith(`/${E2E_DOI}`)) {
      res.writeHead(200, { 'content-type': 'application/vnd.citationstyles.csl+json; charset=utf-8' });
      res.end(JSON.stringify(CSL));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('DOI Not Found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const bound = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
