// Reading back the CSV the engine writes: RFC 4180 fields, one record per line.
import { describe, expect, it } from 'vitest';
import { csvLines, parseCsvLine } from '../../src/experiment/csv.js';

describe('parseCsvLine', () => {
  it('undoes RFC 4180 quoting', () => {
    expect(parseCsvLine('a,"b,c","d ""e""",,1')).toEqual(['a', 'b,c', 'd "e"', '', '1']);
  });
});

describe('csvLines', () => {
  it('drops only the trailing empty line', () => {
    expect(csvLines('a,b\n1,2\n')).toEqual(['a,b', '1,2']);
    expect(csvLines('a,b\n\n1,2')).toEqual(['a,b', '', '1,2']);
  });
});
