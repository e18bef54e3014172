// Checks the browser is there before anything starts.
import fs from 'node:fs';

export default function globalSetup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium is missing at ${chromium}. Install it with: apt-get update && apt-get install -y chromium`);
  }
}
