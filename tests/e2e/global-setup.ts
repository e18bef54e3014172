// Checks the browser is there before anything starts, and runs the stand-in for Wikimedia's OAuth endpoints
// that the end-to-end server's WIKIMEDIA_OAUTH_BASE points at, and the DOI stand-in LDN_DOI_BASE points at. The
// returned function stops them.
import fs from 'node:fs';
import { doiStandinPort, e2eEnv, oauthStandinPort } from './env';
import { startDoiStandin } from './doi-standin';
import { startOAuthStandin } from './oauth-standin';

export default async function globalSetup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(
      `Chromium is missing at ${chromium}. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  const standin = await startOAuthStandin({
    port: oauthStandinPort,
    clientId: e2eEnv.WIKIMEDIA_OAUTH_CLIENT_ID,
    clientSecret: e2eEnv.WIKIMEDIA_OAUTH_CLIENT_SECRET,
    profile: { sub: '4242', username: 'Wiki Tester' },
  });
  const doi = await startDoiStandin(doiStandinPort);
  return async () => {
    await standin.close();
    await doi.close();
  };
}
