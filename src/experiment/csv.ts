/** Reading back the CSV the experiment layer writes (RFC 4180 fields, one record per line). */

/** Splits one CSV line into fields, undoing RFC 4180 quoting. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const j = line.indexOf('"', i);
        if (j < 0) throw new Error(`unterminated quoted CSV field in: ${line}`);
        s += line.slice(i, j);
        if (line[j + 1] === '"') {
          s += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      out.push(s);
    } else {
      const j = line.indexOf(',', i);
      out.push(line.slice(i, j < 0 ? line.length : j));
      i = j < 0 ? line.length : j;
    }
    if (i >= line.length) break;
    i++; // the comma
  }
  return out;
}

/** Lines of a CSV text without the trailing empty line. */
export function csvLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
