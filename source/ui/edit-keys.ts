import type {Key} from 'ink';
import type {EditKill, EditMove, EditOp} from './state/line-editor.js';

/**
 * The line-editing keys of the text inputs (follow-up and filter), as shells
 * and readline have them. Enter and Esc are the caller's; this maps the rest.
 */

const move = (to: EditMove): EditOp => ({type: 'move', to});
const kill = (what: EditKill): EditOp => ({type: 'delete', what});

const ctrlKeys: Readonly<Record<string, EditOp>> = {
  a: move('home'),
  e: move('end'),
  b: move('left'),
  f: move('right'),
  u: kill('to-start'),
  k: kill('to-end'),
  w: kill('word-before'),
  d: kill('after'),
  h: kill('before'),
};

const metaKeys: Readonly<Record<string, EditOp>> = {
  b: move('word-left'),
  f: move('word-right'),
  d: kill('word-after'),
};

/** The edit a key press asks for in a text input, if any. */
export function editOp(input: string, key: Key): EditOp | undefined {
  const word = key.ctrl || key.meta;
  if (key.leftArrow) return move(word ? 'word-left' : 'left');
  if (key.rightArrow) return move(word ? 'word-right' : 'right');
  if (key.home) return move('home');
  if (key.end) return move('end');
  if (key.upArrow) return {type: 'history', delta: -1};
  if (key.downArrow) return {type: 'history', delta: 1};
  if (key.backspace) return kill(key.meta ? 'word-before' : 'before');
  if (key.delete) return kill('after');
  if (key.ctrl) return Object.hasOwn(ctrlKeys, input) ? ctrlKeys[input] : undefined;
  if (key.meta) return Object.hasOwn(metaKeys, input) ? metaKeys[input] : undefined;
  if (key.tab || key.return || key.escape || input === '') return undefined;
  return {type: 'insert', text: input};
}
