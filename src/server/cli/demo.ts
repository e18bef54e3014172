// demo: loads the demo content (fictional people and groups, marked as demo) into an empty database.
import { loadDemoIfEmpty } from '../demo';
import type { Command } from './context';

export const demo: Command = {
  usage: 'demo',
  summary: 'Load the demo content into an empty database',
  check: (args) => (args.length ? 'demo takes no arguments.' : null),
  async run({ handle, out }) {
    if (await loadDemoIfEmpty(handle.db)) {
      out('Loaded the demo content.');
      return 0;
    }
    out('The database already holds people (other than admins), so no demo content was loaded.');
    return 1;
  },
};
