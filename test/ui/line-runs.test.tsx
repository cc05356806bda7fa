import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Line, type Segment} from '../../source/ui/line.js';
import {lineRuns} from '../../source/ui/line-runs.js';

afterEach(() => cleanup());

const text = (runs: Segment[][]) => runs.map((run) => run.map((s) => s.text).join(''));

describe('lineRuns: rows split where Ink measures cheaply', () => {
  it('puts printable ASCII and the other narrow characters in runs of their own, styles kept', () => {
    const segments: Segment[] = [
      {text: '━ 1 ', color: 'cyan', bold: true},
      {text: 'feed'},
      {text: ' · ', dim: true},
      {text: 'tick {"n":1,"text":"xx…'},
    ];
    const runs = lineRuns(segments);
    expect(text(runs)).toEqual(['━', ' 1 feed ', '·', ' tick {"n":1,"text":"xx', '…']);
    expect(runs[0]?.[0]).toMatchObject({color: 'cyan', bold: true});
    expect(runs[1]?.[0]).toMatchObject({text: ' 1 ', color: 'cyan', bold: true});
    expect(runs[1]?.[2]).toMatchObject({text: ' ', dim: true});
    expect(runs[2]?.[0]).toMatchObject({text: '·', dim: true});
    expect(
      runs
        .flat()
        .map((s) => s.text)
        .join(''),
    ).toBe(segments.map((s) => s.text).join(''));
  });

  it('keeps a plain ASCII row, and any row with wide or combining text, as one run', () => {
    expect(lineRuns([{text: 'a'}, {text: 'b', color: 'red'}])).toHaveLength(1);
    expect(lineRuns([{text: 'cafe\u0301 · '}, {text: 'x'}])).toHaveLength(1);
    expect(lineRuns([{text: '漢字 …'}])).toHaveLength(1);
  });

  it('draws a split row exactly like the text it holds', () => {
    const segments: Segment[] = [
      {text: '━━ 2 s1 ', color: 'cyan'},
      {text: 'OPEN', bold: true},
      {text: ' ━━━━ · ' + 'x'.repeat(30) + '…'},
    ];
    const {lastFrame} = render(<Line segments={segments} width={60} />);
    expect(lastFrame()).toBe(`━━ 2 s1 OPEN ━━━━ · ${'x'.repeat(30)}…`);
    const narrow = render(<Line segments={segments} width={11} />);
    expect(narrow.lastFrame()).toBe('━━ 2 s1 OP…');
  });
});
