// `npm run ldn -- <command> [arguments]`: administrative commands against the configured database.
// They never prompt (CI has no terminal); each command lives in its own file.
import { loadConfig } from '../config';
import { CommandError, withDatabase, type Command } from './context';
import { backup } from './backup';
import { createAdmin } from './create-admin';
import { demo } from './demo';
import { grant } from './grant';
import { markdownStatus } from './markdown-status';
import { restore } from './restore';
import { revoke } from './revoke';

const commands: Record<string, Command> = {
  'create-admin': createAdmin,
  grant,
  revoke,
  backup,
  restore,
  demo,
  'markdown-status': markdownStatus,
};

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(34)} ${c.summary}`);
  return ['Usage: npm run ldn -- <command> [arguments]', '', 'Commands:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  const problem = command.check(args);
  if (problem) {
    console.error(`${problem}\nUsage: npm run ldn -- ${command.usage}`);
    return 2;
  }
  const config = loadConfig();
  return withDatabase(config, name, (handle) =>
    command.run({ config, handle, out: (line) => console.log(line) }, args),
  );
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (err: unknown) => {
    console.error(
      err instanceof CommandError ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  },
);
