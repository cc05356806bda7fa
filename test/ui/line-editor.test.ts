import {describe, expect, it} from 'vitest';
import {
  applyEdit,
  cursorParts,
  lineOf,
  pastedLine,
  remember,
  type EditOp,
  type LineEdit,
} from '../../source/ui/state/line-editor.js';
import {createPasteReader, PASTE_END, PASTE_START} from '../../source/ui/paste-reader.js';

const run = (line: LineEdit, ops: readonly EditOp[], history: readonly string[] = []) =>
  ops.reduce((current, op) => applyEdit(current, op, history), line);
const at = (draft: string, cursor: number): LineEdit => ({draft, cursor, selected: false});
const show = (line: LineEdit) =>
  `${line.draft.slice(0, line.cursor)}|${line.draft.slice(line.cursor)}`;

describe('line editor', () => {
  it('inserts at the cursor and moves by grapheme', () => {
    let line = run(lineOf('helo'), [
      {type: 'move', to: 'left'},
      {type: 'insert', text: 'l'},
    ]);
    expect(show(line)).toBe('hell|o');
    line = run(lineOf('a👍🏽b'), [
      {type: 'move', to: 'left'},
      {type: 'move', to: 'left'},
    ]);
    expect(show(line)).toBe('a|👍🏽b');
    line = run(line, [{type: 'delete', what: 'after'}]);
    expect(show(line)).toBe('a|b');
    expect(show(run(line, [{type: 'move', to: 'home'}]))).toBe('|ab');
    expect(show(run(line, [{type: 'move', to: 'end'}]))).toBe('ab|');
    // Controls never get in.
    expect(run(line, [{type: 'insert', text: 'x\u001B[2J\u0007'}]).draft).toBe('ax[2Jb');
  });

  it('deletes before/after, to start/end and words', () => {
    const line = at('say hello world', 9); // say hello| world
    expect(show(run(line, [{type: 'delete', what: 'before'}]))).toBe('say hell| world');
    expect(show(run(line, [{type: 'delete', what: 'after'}]))).toBe('say hello|world');
    expect(show(run(line, [{type: 'delete', what: 'to-start'}]))).toBe('| world');
    expect(show(run(line, [{type: 'delete', what: 'to-end'}]))).toBe('say hello|');
    expect(show(run(line, [{type: 'delete', what: 'word-before'}]))).toBe('say | world');
    expect(show(run(at('a path/to-x  ', 13), [{type: 'delete', what: 'word-before'}]))).toBe('a |');
    expect(show(run(line, [{type: 'delete', what: 'word-after'}]))).toBe('say hello|');
    expect(show(run(at('', 0), [{type: 'delete', what: 'before'}]))).toBe('|');
  });

  it('moves by words', () => {
    const line = at('one two-three', 13);
    expect(show(run(line, [{type: 'move', to: 'word-left'}]))).toBe('one two-|three');
    expect(
      show(
        run(line, [
          {type: 'move', to: 'word-left'},
          {type: 'move', to: 'word-left'},
        ]),
      ),
    ).toBe('one |two-three');
    expect(show(run(at('one two', 0), [{type: 'move', to: 'word-right'}]))).toBe('one| two');
  });

  it('a selected line is replaced by typing and by a paste; moves keep its text', () => {
    const selected = lineOf('error', {selected: true});
    expect(selected.selected).toBe(true);
    expect(show(run(selected, [{type: 'insert', text: 'w'}]))).toBe('w|');
    expect(show(run(selected, [{type: 'move', to: 'left'}]))).toBe('|error');
    expect(show(run(selected, [{type: 'move', to: 'end'}]))).toBe('error|');
    expect(run(selected, [{type: 'move', to: 'right'}]).selected).toBe(false);
    expect(show(run(selected, [{type: 'delete', what: 'before'}]))).toBe('|');
    expect(lineOf('', {selected: true}).selected).toBe(false);
  });

  it('walks the history with ↑/↓ and gives the draft back', () => {
    const history = ['first', 'second'];
    const draft = lineOf('typing');
    const up = run(draft, [{type: 'history', delta: -1}], history);
    expect(up.draft).toBe('second');
    const top = run(
      up,
      [
        {type: 'history', delta: -1},
        {type: 'history', delta: -1},
      ],
      history,
    );
    expect(top.draft).toBe('first');
    const back = run(
      top,
      [
        {type: 'history', delta: 1},
        {type: 'history', delta: 1},
      ],
      history,
    );
    expect(show(back)).toBe('typing|');
    expect(back.browse).toBeUndefined();
    expect(run(draft, [{type: 'history', delta: 1}], history)).toBe(draft);
    expect(run(draft, [{type: 'history', delta: -1}], [])).toBe(draft);
    // Editing a recalled entry leaves the history walk.
    const edited = run(up, [{type: 'insert', text: '!'}], history);
    expect(edited.draft).toBe('second!');
    expect(edited.browse).toBeUndefined();
  });

  it('remembers entries without blanks or repeats in a row, bounded', () => {
    let history = remember([], 'a');
    history = remember(history, 'a');
    history = remember(history, '  ');
    history = remember(history, 'b');
    history = remember(history, 'a');
    expect(history).toEqual(['a', 'b', 'a']);
    expect(remember(['1', '2', '3'], '4', 3)).toEqual(['2', '3', '4']);
  });

  it('splits the line around the cursor for drawing', () => {
    expect(cursorParts(at('abc', 1))).toEqual({before: 'a', at: 'b', after: 'c'});
    expect(cursorParts(at('abc', 3))).toEqual({before: 'abc', at: ' ', after: ''});
  });

  it('turns pasted line breaks and tabs into spaces', () => {
    expect(pastedLine('first line\r\nsecond\rthird\nfourth\tq\u0007')).toBe(
      'first line second third fourth q',
    );
  });
});

describe('paste reader', () => {
  it('collects the tokens between the markers into one paste', () => {
    const reader = createPasteReader();
    expect(reader.push('q')).toEqual({kind: 'key'});
    expect(reader.push(PASTE_START)).toEqual({kind: 'pasting'});
    expect(reader.push('first line\rsecond')).toEqual({kind: 'pasting'});
    expect(reader.push('\u001B[A')).toEqual({kind: 'pasting'});
    expect(reader.push(' line q')).toEqual({kind: 'pasting'});
    expect(reader.push(PASTE_END)).toEqual({kind: 'paste', text: 'first line\rsecond line q'});
    expect(reader.push('q')).toEqual({kind: 'key'});
    expect(reader.push(PASTE_END)).toEqual({kind: 'pasting'});
  });

  it('keeps at most the limit', () => {
    const reader = createPasteReader(5);
    reader.push(PASTE_START);
    reader.push('abc');
    reader.push('defgh');
    expect(reader.push(PASTE_END)).toEqual({kind: 'paste', text: 'abcde'});
  });
});
