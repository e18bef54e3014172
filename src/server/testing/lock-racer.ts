// A process that races for data-folder locks, for db/lock.test.ts: it says "ready", then for each folder named on
// a line of its input tries to take that folder's lock at once and answers "won" or "locked" with its process
// number (tsx runs it in a process of its own), holding what it won until it exits.
import readline from 'node:readline';
import { DataFolderLockedError, lockDataFolder } from '../db/lock';

process.stdout.write('ready\n');
readline.createInterface({ input: process.stdin }).on('line', (dir) => {
  let answer: string;
  try {
    lockDataFolder(dir);
    answer = 'won';
  } catch (err) {
    answer = err instanceof DataFolderLockedError ? 'locked' : `error ${(err as Error).message}`;
  }
  process.stdout.write(`${answer} ${process.pid}\n`);
});
