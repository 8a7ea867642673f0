// The lever and pathway declarations: every lever and pathway labelled in English and Chinese, every
// lever in a declared pathway, every pathway with levers.
import { describe, expect, it } from 'vitest';
import { LEVERS, PATHWAYS, PATHWAY_INDEX, zeroLevers } from '../../src/model/levers.js';

const HAN = /\p{Script=Han}/u;

describe('levers and pathways', () => {
  it('labels every lever and pathway in English and Chinese, each label distinct', () => {
    for (const x of [...LEVERS, ...PATHWAYS]) {
      expect(x.label.en.trim(), x.name).not.toBe('');
      expect(x.label.zh, x.name).toMatch(HAN);
    }
    for (const list of [LEVERS, PATHWAYS] as const) {
      expect(new Set(list.map((x) => x.label.en)).size).toBe(list.length);
      expect(new Set(list.map((x) => x.label.zh)).size).toBe(list.length);
    }
  });

  it('puts every lever in a declared pathway and gives every pathway at least one lever', () => {
    for (const l of LEVERS) expect(PATHWAY_INDEX.has(l.pathway), l.name).toBe(true);
    for (const p of PATHWAYS) expect(LEVERS.some((l) => l.pathway === p.name), p.name).toBe(true);
    expect(PATHWAYS.map((p) => p.section)).toEqual(['4.1', '4.2', '4.3', '4.4']);
  });

  it('has every lever at 0 under current policy', () => {
    expect(Object.values(zeroLevers()).every((x) => x === 0)).toBe(true);
    expect(Object.keys(zeroLevers())).toEqual(LEVERS.map((l) => l.name));
  });
});
