/**
 * The browser-safe subpath `talentsim/browser` (what the explorer is built on): a scenario resolved from
 * text without file access, compiled, and one replicate run as tidy rows — the same rows `talentsim run`
 * writes. Nothing here needs Node, so the same code runs in a web page; here it runs in Node:
 * `node examples/browser-run.mjs`.
 */
import { compileScenario, formatScenarioErrors, resolveScenario, runModelReplicate, talentModel, toCsv } from 'talentsim/browser';

const text = `
name: culture-small
description: Cultural programmes in a small county, five years.
years: 5
county: { villages: 4, population: 3000 }
policies:
  - { lever: cultural_programmes, value: 1, from_year: 2027 }
`;
const r = resolveScenario({ id: 'page', label: 'page', source: 'page', baseDir: '', content: { text } });
if (!r.ok) throw new Error(formatScenarioErrors(r.issues));
const rows = runModelReplicate((s) => talentModel(compileScenario(s)), r.scenario, 0, ['members_full', 'applicants']);
process.stdout.write(toCsv(rows));
