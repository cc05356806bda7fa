import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import type {DisplayEntry} from '../../source/core/store/types.js';
import {failureLabel} from '../../source/core/store/entries.js';
import {anchorFrameWrites} from '../../source/ui/anchored-stdout.js';
import {formatBytes, formatDuration, formatRate} from '../../source/ui/format.js';
import {commandFor, keyPresses} from '../../source/ui/keymap.js';
import {computeGridLayout, gridColumns, moveFocus} from '../../source/ui/layout.js';
import {uiReducer} from '../../source/ui/state/ui-reducer.js';
import {activeFilter, initialUiState, inputMode} from '../../source/ui/state/ui-state.js';
import {eventTypeColor} from '../../source/ui/theme.js';
import {moveSelection, selectedIndex, zoomWindow} from '../../source/ui/zoom-model.js';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const key = (overrides: Partial<Key>): Key => ({...noKey, ...overrides});

describe('keymap', () => {
  it('maps keys per mode', () => {
    expect(commandFor('c', key({ctrl: true}), 'filter')).toEqual({type: 'interrupt'});
    expect(commandFor('q', noKey, 'grid')).toEqual({type: 'quit'});
    expect(commandFor('q', noKey, 'filter')).toEqual({
      type: 'edit',
      op: {type: 'insert', text: 'q'},
    });
    expect(commandFor('x', noKey, 'help')).toEqual({type: 'back'});
    // q closes the help overlay like every other key there; it does not quit.
    expect(commandFor('q', noKey, 'help')).toEqual({type: 'back'});
    expect(commandFor('j', noKey, 'help')).toEqual({type: 'scroll', unit: 'line', delta: 1});
    expect(commandFor('z', key({ctrl: true}), 'grid')).toEqual({type: 'suspend'});
    expect(commandFor('z', key({ctrl: true}), 'answer-input')).toEqual({type: 'suspend'});
    expect(commandFor('', key({tab: true, shift: true}), 'grid')).toEqual({type: 'focus-previous'});
    expect(commandFor('', key({upArrow: true}), 'grid')).toEqual({
      type: 'focus-move',
      direction: 'up',
    });
    expect(commandFor('', key({upArrow: true}), 'zoom')).toEqual({
      type: 'scroll',
      unit: 'line',
      delta: -1,
    });
    expect(commandFor('k', noKey, 'grid')).toBeUndefined();
    expect(commandFor('G', key({shift: true}), 'pretty')).toEqual({type: 'scroll-bottom'});
    expect(commandFor('7', noKey, 'grid')).toEqual({type: 'focus-index', index: 6});
    expect(commandFor('R', key({shift: true}), 'grid')).toEqual({type: 'reconnect-all'});
    expect(commandFor('constructor', noKey, 'grid')).toBeUndefined();
  });

  it('splits a read of several characters into key presses', () => {
    expect(keyPresses('j', noKey)).toEqual([{input: 'j', key: noKey}]);
    expect(keyPresses('', key({upArrow: true}))).toEqual([{input: '', key: key({upArrow: true})}]);
    expect(keyPresses('2\rG', noKey)).toEqual([
      {input: '2', key: noKey},
      {input: '', key: key({return: true})},
      {input: 'G', key: key({shift: true})},
    ]);
    // Control characters read together are Ctrl keys; DEL is Backspace.
    expect(keyPresses('a\u0017\u007F', noKey)).toEqual([
      {input: 'a', key: noKey},
      {input: 'w', key: key({ctrl: true})},
      {input: '', key: key({backspace: true})},
    ]);
    // Ink reports Backspace (DEL) and Delete (ESC [3~) both as delete: the token decides.
    expect(keyPresses('', key({delete: true}), '\u007F')).toEqual([
      {input: '', key: key({backspace: true})},
    ]);
    expect(keyPresses('', key({delete: true}), '\u001B[3~')).toEqual([
      {input: '', key: key({delete: true})},
    ]);
  });
});

describe('ui reducer', () => {
  const start = initialUiState(['a', 'b', 'c']);

  it('moves focus and closes the pretty view when it does', () => {
    const pretty = uiReducer(start, {type: 'pretty-open', name: 'a', seq: 3});
    expect(pretty).toMatchObject({view: 'zoom', pretty: {name: 'a', seq: 3, offset: 0}});
    expect(inputMode(pretty)).toBe('pretty');
    const next = uiReducer(pretty, {type: 'focus-next'});
    expect(next).toMatchObject({focus: 1, pretty: undefined});
    expect(uiReducer(start, {type: 'focus-index', index: 7})).toBe(start);
  });

  it('edits, commits and cancels filters; Esc backs out one level at a time', () => {
    let state = uiReducer(start, {type: 'filter-start'});
    state = uiReducer(state, {type: 'input-edit', op: {type: 'insert', text: 'er\u0007r'}});
    expect(activeFilter(state, 'a')).toBe('err');
    state = uiReducer(state, {type: 'filter-commit'});
    expect(state.filters).toEqual({a: 'err'});
    state = uiReducer(state, {type: 'filter-start'});
    state = uiReducer(state, {type: 'input-edit', op: {type: 'move', to: 'end'}});
    state = uiReducer(state, {type: 'input-edit', op: {type: 'delete', what: 'before'}});
    expect(activeFilter(state, 'a')).toBe('er');
    state = uiReducer(state, {type: 'back'});
    expect(activeFilter(state, 'a')).toBe('err');
    const zoomedHelp = uiReducer(uiReducer(start, {type: 'zoom-open'}), {type: 'help-toggle'});
    const once = uiReducer(zoomedHelp, {type: 'back'});
    expect(once).toMatchObject({help: false, view: 'zoom'});
    expect(uiReducer(once, {type: 'back'}).view).toBe('grid');
  });

  it('clamps pretty scrolling and expires only its own message', () => {
    let state = uiReducer(start, {type: 'pretty-open', name: 'a', seq: 1});
    state = uiReducer(state, {type: 'pretty-scroll', delta: 50, max: 10});
    expect(state.pretty?.offset).toBe(10);
    state = uiReducer(state, {type: 'pretty-scroll', delta: -Infinity, max: 10});
    expect(state.pretty?.offset).toBe(0);
    state = uiReducer(state, {type: 'message', text: 'one', level: 'info'});
    const first = state.message?.id ?? 0;
    state = uiReducer(state, {type: 'message', text: 'two', level: 'info'});
    expect(uiReducer(state, {type: 'message-expire', id: first}).message?.text).toBe('two');
  });
});

describe('layout', () => {
  it('uses one column under 100 columns and more when wider', () => {
    expect(gridColumns(80, 5)).toBe(1);
    expect(gridColumns(99, 5)).toBe(1);
    expect(gridColumns(100, 5)).toBe(2);
    expect(gridColumns(200, 5)).toBe(3);
    expect(gridColumns(300, 2)).toBe(2);
  });

  it('fills rows - 1 exactly with fixed pane heights', () => {
    for (const [columns, rows, count] of [
      [80, 24, 5],
      [160, 48, 5],
      [100, 30, 3],
      [120, 10, 9],
    ] as const) {
      const layout = computeGridLayout({columns, rows}, count, 0);
      expect(layout.height).toBe(rows - 1);
      expect(layout.rows.reduce((total, row) => total + row.height, 0)).toBe(layout.paneArea);
      expect(layout.paneArea + 1).toBe(rows - 1);
      for (const row of layout.rows) {
        const width =
          row.cells.reduce((total, cell) => total + cell.width, 0) + row.cells.length - 1;
        expect(width).toBeLessThanOrEqual(columns);
      }
    }
  });

  it('moves focus spatially', () => {
    expect(moveFocus(0, 'right', 2, 5)).toBe(1);
    expect(moveFocus(1, 'right', 2, 5)).toBe(1);
    expect(moveFocus(3, 'down', 2, 5)).toBe(3);
    expect(moveFocus(2, 'down', 2, 5)).toBe(4);
  });
});

describe('zoom model', () => {
  const entries = [3, 4, 5, 8, 9].map((seq) => ({seq}) as DisplayEntry);

  it('selects by seq, falling forward when the entry is gone', () => {
    expect(selectedIndex(entries, undefined)).toBe(4);
    expect(selectedIndex(entries, 5)).toBe(2);
    expect(selectedIndex(entries, 6)).toBe(3);
    expect(selectedIndex(entries, 1)).toBe(0);
    expect(selectedIndex(entries, 99)).toBe(4);
    expect(moveSelection(entries, undefined, -2)).toBe(5);
    expect(moveSelection(entries, 5, 2)).toBeUndefined();
    expect(moveSelection(entries, 5, -10)).toBe(3);
  });

  it('keeps the selection on screen', () => {
    expect(zoomWindow(entries, undefined, 2)).toMatchObject({
      start: 3,
      end: 5,
      following: true,
      newer: 0,
    });
    expect(zoomWindow(entries, 4, 2)).toMatchObject({start: 0, end: 2, selected: 1, newer: 3});
    expect(zoomWindow(entries, 8, 2)).toMatchObject({start: 2, end: 4, selected: 3, newer: 1});
  });
});

describe('text helpers', () => {
  it('labels failures by status and message', () => {
    expect(
      failureLabel(
        'HTTP 401 Unauthorized (content type application/json): {"message":"bad key"}',
        401,
      ),
    ).toBe('HTTP 401: bad key');
    expect(failureLabel('HTTP 500 (content type text/plain): boom', 500)).toBe('HTTP 500: boom');
    expect(failureLabel('HTTP 404 Not Found (content type text/html): <html>', 404)).toBe(
      'HTTP 404: Not Found',
    );
    expect(failureLabel('HTTP 403', 403)).toBe('HTTP 403');
    expect(failureLabel('socket hang up', undefined)).toBe('socket hang up');
  });

  it('formats counters', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatDuration(15)).toBe('15ms');
    expect(formatDuration(1250)).toBe('1.2s');
    expect(formatDuration(185_000)).toBe('3m05s');
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(4.25)).toBe('4.3/s');
    expect(formatRate(42.4)).toBe('42/s');
  });

  it('gives an event type the same color every time', () => {
    expect(eventTypeColor('message')).toBe(eventTypeColor('message'));
    const colors = new Set(
      ['message', 'ping', 'node_started', 'workflow_finished', 'tick', 'info', 'warn'].map(
        eventTypeColor,
      ),
    );
    expect(colors.size).toBeGreaterThan(2);
  });

  it('anchors Ink frame writes at the top-left of the screen', () => {
    expect(anchorFrameWrites('\u001B[28A\u001B[1Gline')).toBe('\u001B[H\u001B[1Gline');
    expect(anchorFrameWrites('\u001B[0A\u001B[E')).toBe('\u001B[H\u001B[E');
    expect(anchorFrameWrites('\u001B[2K\u001B[1A\u001B[2K')).toBe('\u001B[2K\u001B[1A\u001B[2K');
    expect(anchorFrameWrites('plain')).toBe('plain');
  });
});
