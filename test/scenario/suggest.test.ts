/** Did-you-mean suggestions. */
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../src/scenario/suggest.js';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('yeras', 'years')).toBe(1);
  });
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
});

describe('closestName', () => {
  it('suggests the nearest candidate within the typo limit', () => {
    expect(closestName('supervison_visits', ['study_programme', 'supervision_visits'])).toBe('supervision_visits');
    expect(closestName('Years', ['name', 'years'])).toBe('years');
  });
  it('suggests nothing for a word far from every candidate', () => {
    expect(closestName('banana', ['years', 'seed'])).toBeUndefined();
  });
});
