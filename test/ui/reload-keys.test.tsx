import {describe, expect, it} from 'vitest';
import {withPanesRestarted, withStreams} from '../../source/ui/state/streams-change.js';
import {initialUiState} from '../../source/ui/state/ui-state.js';
import {makeStore, renderApp, rows} from './helpers.js';

const footer = (frame: string): string => rows(frame).at(-1) ?? '';

describe('L without profiles', () => {
  it('says there is nothing to reload (URLs only, replay)', async () => {
    const app = await renderApp(makeStore(['a']));
    expect(footer(await app.press('L'))).toContain('L: no profiles to reload');
  });
});

describe('withStreams: the UI state after the stream set changed', () => {
  it('keeps focus on the same pane, drops state of removed panes, leaves zoom when the zoomed pane went', () => {
    let state = initialUiState(['a', 'b', 'c']);
    state = {
      ...state,
      focus: 2,
      view: 'zoom',
      filters: {a: 'x', b: 'y'},
      answerView: {b: true},
      runView: {b: true},
      selection: {b: 3},
    };
    const after = withStreams(state, ['a', 'c', 'd'], {d: 'answer'});
    expect(after.focus).toBe(1);
    expect(after.view).toBe('zoom');
    expect(after.filters).toEqual({a: 'x'});
    expect(after.answerView).toEqual({d: true});
    expect(after.runView).toEqual({});
    expect(after.selection).toEqual({});

    const zoomedOnB = {...state, focus: 1};
    const gone = withStreams(zoomedOnB, ['a', 'c']);
    expect(gone.view).toBe('grid');
    expect(gone.focus).toBe(1);
    expect(withStreams({...state, focus: 2}, ['a']).focus).toBe(0);
  });
});

describe('withPanesRestarted: panes a reload started over', () => {
  it('drops what pointed into the old entries, applies a changed first view, keeps filters', () => {
    const state = {
      ...initialUiState(['a', 'b'], {a: 'answer'}),
      filters: {a: 'x'},
      selection: {a: 4, b: 2},
      pretty: {name: 'a', seq: 4, offset: 0},
      answerScroll: {a: 3},
      runSelected: {a: 1},
      runView: {a: true},
    };
    const after = withPanesRestarted(state, [{name: 'a', view: 'events'}]);
    expect(after.selection).toEqual({b: 2});
    expect(after.pretty).toBeUndefined();
    expect(after.answerScroll).toEqual({});
    expect(after.runSelected).toEqual({});
    expect(after.answerView).toEqual({});
    expect(after.filters).toEqual({a: 'x'});
    expect(after.runView).toEqual({a: true});
    // No view given: the pane keeps the view the person chose.
    expect(withPanesRestarted(state, [{name: 'a'}]).answerView).toEqual({a: true});
    expect(withPanesRestarted(state, [])).toBe(state);
  });
});
