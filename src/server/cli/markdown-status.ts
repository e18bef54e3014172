import { markdownBacklog } from '../markdown/rerender-job';
import { RENDERER_VERSION } from '../markdown/stored';
import type { Command } from './context';

/** How far the background job that renders stored Markdown again (after a renderer change) has come. */
export const markdownStatus: Command = {
  usage: 'markdown-status',
  summary: 'Rows whose stored Markdown waits to be rendered again',
  check: (args) => (args.length ? 'This command takes no arguments.' : null),
  async run(c) {
    const { total, tables } = await markdownBacklog(c.handle.db);
    c.out(`Renderer version ${RENDERER_VERSION}: ${total} row(s) wait to be rendered.`);
    for (const [table, n] of Object.entries(tables)) c.out(`  ${table}: ${n}`);
    return 0;
  },
};
