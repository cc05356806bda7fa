// The results table (stdout) and the JSON file.
import {writeFileSync} from 'node:fs';

const MIB = 1024 * 1024;

function format(value, unit) {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ev/s':
      return `${Math.round(value).toLocaleString('en-US')}`;
    case 'MiB':
      return (value / MIB).toFixed(1);
    case 'kB/s':
      return (value / 1000).toFixed(1);
    case '%':
    case 'fps':
      return value.toFixed(1);
    case 'ms':
      return value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString('en-US');
    default:
      return String(Math.round(value));
  }
}

/** Rows of measures as a fixed-width text table. */
export function table(measures) {
  const rows = [['measure', 'unit', 'median', 'spread (min-max)', 'vs bare', 'n']];
  for (const m of measures) {
    rows.push([
      m.label,
      m.unit,
      format(m.median, m.unit),
      m.spreadText ?? `${format(m.min, m.unit)}-${format(m.max, m.unit)}`,
      m.ratio === undefined ? '' : `${m.ratio.toFixed(3)}x`,
      String(m.samples.length),
    ]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

export function writeJson(file, header, measures) {
  const byKey = {};
  for (const {key, ...rest} of measures) byKey[key] = rest;
  writeFileSync(file, `${JSON.stringify({...header, measures: byKey}, null, 2)}\n`);
}
