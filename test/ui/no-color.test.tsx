import {afterEach, describe, expect, it} from 'vitest';

// Colors need a color level in the test process (not a terminal); set it before Ink loads.
process.env['FORCE_COLOR'] = '1';
const {cleanup} = await import('ink-testing-library');
const {makeStore, records, renderApp} = await import('./helpers.js');
const {colorFromEnv} = await import('../../source/ui/theme.js');

afterEach(() => cleanup());

// SGR foreground/background colors: 30-37, 39, 40-47, 49, 90-97, 100-107, 38;5;n ...
// eslint-disable-next-line no-control-regex
const colorCode = /\u001B\[(?:3\d|4\d|9\d|10\d)(?:;\d+)*m/;

describe('NO_COLOR', () => {
  it('is read from the environment: set and not empty means no colors', () => {
    expect(colorFromEnv({})).toBe(true);
    expect(colorFromEnv({NO_COLOR: ''})).toBe(true);
    expect(colorFromEnv({NO_COLOR: '1'})).toBe(false);
  });

  it('turns every color off, keeping the text', async () => {
    const store = makeStore(['s']);
    store.ingest(records.open('s'));
    store.ingest(records.event('s', 1, 'hello', {type: 'tick'}));
    const colored = await renderApp(store, {color: true});
    expect(colored.frame()).toMatch(colorCode);
    cleanup();
    const plain = await renderApp(store, {color: false});
    expect(plain.frame()).not.toMatch(colorCode);
    expect(plain.frame()).toContain(' OPEN ');
    expect(plain.frame()).toContain('tick hello');
  });
});
