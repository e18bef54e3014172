import { describe, expect, it } from 'vitest';
import { MarkerError, readMarked, splitBlocks, writeMarked } from './units';

describe('splitting a text into units', () => {
  it('splits at blank lines, keeps a list and a table whole, and makes a heading a unit of its own', () => {
    const text = [
      '# Leadership',
      'Leaders listen.',
      '',
      '- one',
      '- two',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '',
      'Last paragraph,',
      'two lines.',
    ].join('\n');
    expect(splitBlocks(text)).toEqual([
      { kind: 'heading', text: '# Leadership' },
      { kind: 'paragraph', text: 'Leaders listen.' },
      { kind: 'list', text: '- one\n- two' },
      { kind: 'table', text: '| a | b |\n|---|---|\n| 1 | 2 |' },
      { kind: 'paragraph', text: 'Last paragraph,\ntwo lines.' },
    ]);
  });

  it('keeps a fenced block whole even across blank lines', () => {
    expect(splitBlocks('```\na\n\nb\n```\n\nafter')).toEqual([
      { kind: 'other', text: '```\na\n\nb\n```' },
      { kind: 'paragraph', text: 'after' },
    ]);
  });

  it('reads markers on the line before a block or at the end of a heading, and null for new blocks', () => {
    const blocks = readMarked('<!--T:3-->\n## Goals\n\n<!--T:1-->\nFirst.\n\nNew one.\n\n## Moved <!--T:7-->');
    expect(blocks.map((b) => [b.id, b.kind, b.text, b.line])).toEqual([
      [3, 'heading', '## Goals', 1],
      [1, 'paragraph', 'First.', 4],
      [null, 'paragraph', 'New one.', 7],
      [7, 'heading', '## Moved', 9],
    ]);
  });

  it('refuses a marker given twice, naming the line', () => {
    const read = () => readMarked('<!--T:1-->\nA\n\n<!--T:1-->\nB');
    expect(read).toThrow(MarkerError);
    try {
      read();
    } catch (e) {
      expect((e as MarkerError).line).toBe(4);
    }
  });

  it('writes markers that read back to the same ids and texts', () => {
    const units = [
      { id: 4, text: '## Heading' },
      { id: 2, text: 'Para\nline two' },
      { id: 9, text: '- a\n- b' },
    ];
    expect(readMarked(writeMarked(units)).map(({ id, text }) => ({ id, text }))).toEqual(units);
  });
});
