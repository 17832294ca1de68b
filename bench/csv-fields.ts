/**
 * How long the CSV parser takes over one long field, by its length: the
 * wall-clock side of src/model/csv-linear.test.ts (tests count work, never
 * time). A number pattern that backtracked took 0.6 s at 25 000 digits,
 * 2.4 s at 50 000 and 10 s at 100 000 here; the reader refuses any field
 * over 100 characters before reading it.
 *
 *   npx tsx bench/csv-fields.ts
 */
import { parseCsv } from '../src/model/csv';

function time(text: string): number {
  const start = performance.now();
  try {
    parseCsv(text);
  } catch {
    // Refused, as it should be: the time to say so is what is measured.
  }
  return performance.now() - start;
}

const rows: string[] = [];
for (const length of [25_000, 50_000, 100_000, 1_000_000, 10_000_000]) {
  const text = `x1,x2,t\n0,0,0\n${'1'.repeat(length)}z,1,1\n`;
  const runs = [time(text), time(text), time(text)].sort((a, b) => a - b);
  rows.push(`${String(length).padStart(10)} digits  ${runs[1]?.toFixed(2).padStart(8)} ms`);
}
const many = ['x1,x2,t'];
for (let i = 0; i < 2_000_000; i++) many.push(`${Math.sin(i) * 3},${Math.cos(i * 1.3) * 2},${i % 2}`);
rows.push(`2 000 000 rows   ${time(many.join('\n')).toFixed(0).padStart(8)} ms`);
process.stdout.write(`${rows.join('\n')}\n`);
