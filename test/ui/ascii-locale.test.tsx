import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../../source/ui/app.js';
import {utf8FromEnv} from '../../source/ui/theme.js';
import {fakeControls, makeStore, rows, T0} from './helpers.js';

afterEach(() => cleanup());

describe('utf8FromEnv', () => {
  it('follows the first set of LC_ALL, LC_CTYPE, LANG', () => {
    expect(utf8FromEnv({LANG: 'en_US.UTF-8'})).toBe(true);
    expect(utf8FromEnv({LANG: 'C.utf8'})).toBe(true);
    expect(utf8FromEnv({LANG: 'C'})).toBe(false);
    expect(utf8FromEnv({LC_ALL: 'C', LANG: 'en_US.UTF-8'})).toBe(false);
    expect(utf8FromEnv({LC_ALL: '', LC_CTYPE: 'en_US.UTF-8', LANG: 'C'})).toBe(true);
    expect(utf8FromEnv({LC_CTYPE: 'POSIX', LANG: 'en_US.UTF-8'})).toBe(false);
    expect(utf8FromEnv({})).toBe(true);
  });
});

describe('ASCII glyphs', () => {
  const frameOf = (ascii: boolean) => {
    const instance = render(
      <App
        store={makeStore(['a', 'b'])}
        controls={fakeControls()}
        size={{columns: 100, rows: 20}}
        color={false}
        ascii={ascii}
        clock={() => T0}
        tickMs={0}
      />,
    );
    return instance.lastFrame() ?? '';
  };

  it('draws the pane rules with ASCII in a non-UTF-8 locale', () => {
    const title = rows(frameOf(true))[0] ?? '';
    expect(title).toMatch(/^= 1 a .*=+ - 2 b .*-+$/);
    expect(title).not.toMatch(/[━─]/);
  });

  it('keeps the line-drawing rules in a UTF-8 locale', () => {
    expect(rows(frameOf(false))[0]).toMatch(/^━ 1 a .*━+ ─ 2 b .*─+$/);
  });
});
