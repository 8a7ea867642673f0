import { describe, expect, it } from 'vitest';
import { loadScenario, safeParseScenario, scenarioHash, textIn } from '../../src/scenario/index.js';

const parse = (yaml: string) => safeParseScenario(yaml, 'study.yaml');

describe('scenario title, description by language, and lang', () => {
  it('accepts a title and a description as one string or as { en, zh }, and a report language', () => {
    const r = parse('name: yao20\ntitle: { en: Yao 20 villages, zh: 瑶族20村 }\ndescription: { zh: 自定义县 }\nlang: zh\n');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scenario.title).toEqual({ en: 'Yao 20 villages', zh: '瑶族20村' });
    expect(textIn(r.scenario.title, 'zh')).toBe('瑶族20村');
    expect(textIn(r.scenario.description, 'en')).toBe('自定义县'); // the only text given
    expect(r.scenario.lang).toBe('zh');
    const plain = parse('name: a\ndescription: plain words\n');
    expect(plain.ok && textIn(plain.scenario.description, 'zh')).toBe('plain words');
    expect(plain.ok && 'title' in plain.scenario).toBe(false); // absent, not an empty default
  });

  it('names the file, the path and what was expected for bad texts and languages', () => {
    const bad = parse('name: a\ntitle: { fr: Titre }\nlang: fr\ndescription: {}\n');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = bad.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n');
    expect(text).toMatch(/study\.yaml: title/);
    expect(text).toMatch(/study\.yaml: lang: .*one of en, zh/);
    expect(text).toMatch(/study\.yaml: description: .*at least one non-empty text/);
  });

  it('does not let a title, a description or the language change what a scenario simulates', () => {
    const a = parse('name: a\n');
    const b = parse('name: a\ntitle: { en: A, zh: 甲 }\ndescription: { en: x, zh: 乙 }\nlang: zh\n');
    if (!a.ok || !b.ok) throw new Error('did not parse');
    expect(scenarioHash(b.scenario)).toBe(scenarioHash(a.scenario));
  });

  it('keeps a title to its own file (a child does not inherit it) but inherits the language', () => {
    const base = loadScenario('baseline');
    expect(textIn(base.title, 'zh')).toBe('基线');
    const child = loadScenario('cultural-identity');
    expect(child.title).toBeUndefined();
    expect(textIn(child.description, 'zh')).toMatch(/民族文化传承/);
  });
});
