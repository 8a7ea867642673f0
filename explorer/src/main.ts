/**
 * The explorer page: county, pathway preset and lever sliders with their spending, a budget cap, and a run
 * of N replicates of the policy against its baseline (common random numbers) on Web Workers, charted as
 * replicates finish; zh/en switch; the scenario as YAML and the rows as CSV for download.
 */
import embed from 'vega-embed';
import type { View } from 'vega';
import { LEVERS, type LeverSpec } from '../../src/model/levers.js';
import { bandSeries } from '../../src/report/aggregate.js';
import { orderScenarios } from '../../src/report/colors.js';
import { canonicalJson } from '../../src/scenario/canonical-json.js';
import { textIn } from '../../src/scenario/text.js';
import type { Scenario, ShockSetting } from '../../src/scenario/types.js';
import { BAND_DATA, CHART_METRICS, chartSpec } from './charts.js';
import { WorkerClient, WorkerPool } from './client.js';
import type { ReplicateResult } from './engine.js';
import { leverLabel, leverUnit, pathwayLabel, type Lang } from './labels.js';
import { message, type MessageKey } from './messages.js';
import type { ResolvedScenario } from './protocol.js';
import { RunResults } from './results.js';
import type { ExplorerSetup, PreparedRun } from './scenarios.js';
import { constantSetting, leverSpend, totalSpend, type LeverSetting, type LeverSpend, type MeasuredSpend } from './spend.js';
import ExplorerWorker from './worker.ts?worker&inline';

/** Where the world of the run comes from: a built-in scenario's county or the pasted file. */
const PASTED = 'pasted';
/** The "no levers" preset. */
const NO_PRESET = '';
/** Scenarios that set no lever and no shock are counties, not presets. */
const isPreset = (s: Scenario) => s.policies.length > 0 || s.shocks.length > 0;

interface State {
  lang: Lang;
  builtins: Record<string, ResolvedScenario>;
  /** Built-in scenario name whose county is used, or PASTED. */
  county: string;
  pasted?: ResolvedScenario;
  preset: string;
  levers: Record<string, LeverSetting>;
  shocks: ShockSetting[];
  name: string;
  description: Scenario['description'];
  years: number;
  seed: number;
  replicates: number;
  /** Yuan per village per year; undefined: no cap. */
  budget?: number;
  measured: Record<string, MeasuredSpend>;
  results?: RunResults;
  running: boolean;
  status: { key: MessageKey; params?: Record<string, string | number> } | undefined;
  issues: string[];
}

const spawn = () => new ExplorerWorker();
const control = new WorkerClient(spawn());
/** Runner workers: one per core up to 4, or `?workers=N` in the page address (1-16). */
function runnerCount(): number {
  const asked = Number(new URLSearchParams(location.search).get('workers'));
  if (Number.isInteger(asked) && asked >= 1 && asked <= 16) return asked;
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}
const pool = new WorkerPool(spawn, runnerCount());
/** vega's log level "Error": empty datasets before the first replicate are not worth a warning. */
const VEGA_ERROR = 1;
const baselineCache = new Map<string, ReplicateResult>();
const views = new Map<string, View>();
/** Resolves when the charts of the current language and run are embedded (before any data is put in). */
let chartsEmbedded: Promise<unknown> = Promise.resolve();

const state: State = {
  lang: navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en',
  builtins: {},
  county: 'baseline',
  preset: NO_PRESET,
  levers: {},
  shocks: [],
  name: 'my-pathway',
  description: '',
  years: 30,
  seed: 1,
  replicates: 5,
  measured: {},
  running: false,
  status: undefined,
  issues: [],
};

// ---- small DOM helpers -------------------------------------------------------------------------------

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
}

const t = (key: MessageKey, params?: Record<string, string | number>) => message(state.lang, key, params);

function yuan(x: number): string {
  return new Intl.NumberFormat(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 0 }).format(Math.round(x));
}

function num(x: number): string {
  return new Intl.NumberFormat(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 3 }).format(x);
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- the world and the levers ------------------------------------------------------------------------

/** The scenario whose county, parameters and start year the run uses. */
function base(): Scenario {
  if (state.county === PASTED && state.pasted) return state.pasted.scenario;
  return state.builtins[state.county].scenario;
}

/** Built-in scenarios that stand for a distinct county (the first one, baseline preferred, per county). */
function countyChoices(): string[] {
  const names = orderScenarios(Object.keys(state.builtins));
  const seen = new Map<string, string>();
  for (const n of names) {
    const key = canonicalJson(state.builtins[n].scenario.county);
    if (!seen.has(key)) seen.set(key, n);
  }
  return [...seen.values()];
}

function presetChoices(): string[] {
  return orderScenarios(Object.keys(state.builtins)).filter((n) => isPreset(state.builtins[n].scenario));
}

/** Lever settings from a resolved scenario's policies (keeping expressions, windows and unit costs). */
function leversOf(r: ResolvedScenario): Record<string, LeverSetting> {
  const out: Record<string, LeverSetting> = {};
  for (const p of r.scenario.policies) (out[p.lever] ??= { entries: [], plan: r.plans[p.lever] }).entries.push({ ...p });
  for (const [lever, s] of Object.entries(out)) if (isConstant(s)) out[lever] = constantSetting(lever, Number(s.entries[0].value), s.entries[0].unitCost);
  return out;
}

/** True when the lever is off or one constant from the first year to the horizon (what a slider shows). */
function isConstant(s: LeverSetting | undefined): boolean {
  if (!s || s.entries.length === 0) return true;
  const e = s.entries[0];
  return s.entries.length === 1 && typeof e.value === 'number' && e.from === 1 && e.until === null;
}

function applyPreset(name: string): void {
  state.preset = name;
  const r = name === PASTED ? state.pasted : name === NO_PRESET ? undefined : state.builtins[name];
  state.levers = r ? leversOf(r) : {};
  state.shocks = r ? r.scenario.shocks.map((s) => ({ ...s })) : [];
  state.name = r ? r.scenario.name : 'my-pathway';
  state.description = r ? r.scenario.description : '';
}

function applyCounty(name: string): void {
  state.county = name;
  const b = base();
  state.years = b.years;
  state.seed = b.seed;
}

function setup(): ExplorerSetup {
  return {
    base: base(),
    name: state.name,
    description: state.description,
    years: state.years,
    seed: state.seed,
    replicates: state.replicates,
    policies: LEVERS.flatMap((l) => state.levers[l.name]?.entries ?? []),
    shocks: state.shocks,
  };
}

function spendOf(lever: string): LeverSpend {
  return leverSpend(lever, state.levers[lever] ?? { entries: [] }, state.years, state.measured[lever]);
}

/** The value a lever's slider shows: its constant, or the mean over the horizon of a schedule (4 digits). */
function leverValue(lever: string): number {
  const e = state.levers[lever]?.entries[0];
  if (!e) return 0;
  if (typeof e.value === 'number' && isConstant(state.levers[lever])) return e.value;
  return Number(spendOf(lever).meanValue.toPrecision(4));
}

/** A slider step that gives about 100 to 1000 positions over the lever's range. */
function stepOf(spec: LeverSpec): number {
  return 10 ** Math.floor(Math.log10((spec.max - spec.min) / 100));
}

// ---- rendering -----------------------------------------------------------------------------------------

function renderHeader(): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  byId('title').textContent = t('title');
  byId('subtitle').textContent = t('subtitle');
  byId('caveat').textContent = t('caveat');
  byId('lang-toggle').textContent = t('otherLanguage');
}

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input, ...(hint ? [h('span', { class: 'hint' }, hint)] : []));
}

function numberInput(id: string, value: number, min: number, max: number, step: string): HTMLInputElement {
  return h('input', { id, type: 'number', value: String(value), min: String(min), max: String(max), step, inputmode: 'decimal' });
}

function renderControls(): void {
  const root = byId('controls');
  root.replaceChildren();
  const b = base();

  // County
  const county = h('select', { id: 'county' });
  for (const n of countyChoices()) {
    const c = state.builtins[n].scenario.county;
    county.append(h('option', { value: n }, t('countyOption', { name: c.name, villages: yuan(c.villages), population: yuan(c.population) })));
  }
  if (state.pasted) {
    const c = state.pasted.scenario.county;
    county.append(h('option', { value: PASTED }, `${t('pasted')}: ${t('countyOption', { name: c.name, villages: yuan(c.villages), population: yuan(c.population) })}`));
  }
  county.value = state.county;
  county.addEventListener('change', () => {
    applyCounty(county.value);
    renderControls();
  });
  const large = b.county.villages > 1000 ? h('p', { class: 'warning' }, t('countyLarge', { name: b.county.name, villages: yuan(b.county.villages) })) : '';
  const paste = h('textarea', { id: 'paste', rows: '6', spellcheck: 'false', placeholder: t('pastePlaceholder') });
  const pasteUse = h('button', { id: 'paste-use', type: 'button' }, t('pasteUse'));
  pasteUse.addEventListener('click', () => void usePasted(paste.value));
  const issues = h('div', { id: 'issues', role: 'alert' });
  if (state.issues.length) issues.append(h('p', {}, t('problems')), h('ul', {}, ...state.issues.map((i) => h('li', {}, i))));
  const pasted = state.county === PASTED && state.pasted ? h('p', { class: 'note' }, t('pasteLoaded', { name: state.pasted.scenario.name })) : '';
  root.append(
    h('section', { class: 'group' }, field(t('county'), county), large, pasted, h('details', {}, h('summary', {}, t('pasteLabel')), paste, pasteUse), issues),
  );

  // Preset and levers
  const preset = h('select', { id: 'preset' }, h('option', { value: NO_PRESET }, t('presetNone')));
  for (const n of presetChoices()) preset.append(h('option', { value: n, title: textIn(state.builtins[n].scenario.description, state.lang) }, n));
  if (state.pasted) preset.append(h('option', { value: PASTED }, `${t('presetPasted')} (${state.pasted.scenario.name})`));
  preset.value = state.preset;
  preset.addEventListener('change', () => {
    applyPreset(preset.value);
    renderControls();
  });
  const levers = h('section', { class: 'group' }, field(t('preset'), preset), h('h2', {}, t('levers')));
  const pathways = [...new Set(LEVERS.map((l) => l.pathway))];
  for (const p of pathways) {
    const set = h('fieldset', { class: 'pathway' }, h('legend', {}, pathwayLabel(p, state.lang)));
    for (const spec of LEVERS.filter((l) => l.pathway === p)) set.append(leverRow(spec));
    levers.append(set);
  }
  root.append(levers);

  // Spending and budget
  const budget = h('input', { id: 'budget', type: 'number', min: '0', step: '1000', inputmode: 'numeric', value: state.budget === undefined ? '' : String(state.budget) });
  budget.addEventListener('input', () => {
    const v = budget.value.trim() === '' ? undefined : Number(budget.value);
    state.budget = v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined;
    refreshSpend();
  });
  root.append(
    h('section', { class: 'group' }, h('h2', {}, t('totals')), h('p', { id: 'total' }), h('p', { id: 'total-note', class: 'hint' }), field(t('budget'), budget), h('p', { id: 'budget-warning', class: 'warning', role: 'alert' })),
  );

  // Run settings
  const name = h('input', { id: 'name', type: 'text', value: state.name, maxlength: '80' });
  name.addEventListener('input', () => (state.name = name.value));
  const years = numberInput('years', state.years, 1, 100, '1');
  years.addEventListener('change', () => {
    state.years = Math.round(Number(years.value)) || state.years;
    void refreshPlans();
  });
  const seed = numberInput('seed', state.seed, 0, 4294967295, '1');
  seed.addEventListener('change', () => (state.seed = Math.round(Number(seed.value))));
  const reps = numberInput('replicates', state.replicates, 1, 100, '1');
  reps.addEventListener('change', () => (state.replicates = Math.max(1, Math.min(100, Math.round(Number(reps.value)) || 5))));
  const run = h('button', { id: 'run', type: 'button', class: 'primary' }, t('run'));
  run.addEventListener('click', () => void startRun());
  const stop = h('button', { id: 'stop', type: 'button' }, t('stop'));
  stop.addEventListener('click', stopRun);
  const dlYaml = h('button', { id: 'download-yaml', type: 'button' }, t('downloadYaml'));
  dlYaml.addEventListener('click', () => void downloadYaml());
  const dlCsv = h('button', { id: 'download-csv', type: 'button' }, t('downloadCsv'));
  dlCsv.addEventListener('click', () => state.results && download(`${state.results.run.policy.name}-series.csv`, state.results.csv(), 'text/csv'));
  root.append(
    h(
      'section',
      { class: 'group' },
      h('h2', {}, t('runSettings')),
      field(t('scenarioName'), name),
      h('div', { class: 'row' }, field(t('years'), years), field(t('seed'), seed), field(t('replicates'), reps)),
      h('p', { class: 'hint' }, t('crnNote')),
      h('div', { class: 'row buttons' }, run, stop),
      h('p', { id: 'progress', 'aria-live': 'polite' }),
      h('p', { id: 'status', 'aria-live': 'polite' }),
      h('div', { class: 'row buttons' }, dlYaml, dlCsv),
    ),
  );
  refreshSpend();
  refreshRunState();
}

function leverRow(spec: LeverSpec): HTMLElement {
  const setting = state.levers[spec.name];
  const step = stepOf(spec);
  const value = leverValue(spec.name);
  const slider = h('input', { type: 'range', min: String(spec.min), max: String(spec.max), step: String(step), value: String(value), 'data-lever': spec.name, 'aria-label': leverLabel(spec.name, state.lang) });
  const box = h('input', { type: 'number', min: String(spec.min), max: String(spec.max), step: 'any', value: String(value), 'data-lever-value': spec.name, 'aria-label': leverLabel(spec.name, state.lang) });
  const schedule = !isConstant(setting)
    ? h('p', { class: 'hint', 'data-schedule': spec.name }, t('schedule', { text: setting!.entries.map((e) => `${e.value}, t ${e.from}–${e.until ?? state.years}`).join('; ') }))
    : '';
  const set = (v: number, from: 'slider' | 'box') => {
    const clamped = Math.min(spec.max, Math.max(spec.min, v));
    const unitCost = state.levers[spec.name]?.entries[0]?.unitCost;
    state.levers[spec.name] = constantSetting(spec.name, clamped, unitCost);
    if (from === 'slider') box.value = String(clamped);
    else slider.value = String(clamped);
    row.querySelector('[data-schedule]')?.remove();
    if (state.preset !== NO_PRESET && state.name === presetName()) {
      // The preset's name and description no longer describe the levers: say where the scenario came from.
      state.description = `${presetName()} with levers changed in the explorer.`;
      state.name = `${state.name}-custom`;
    }
    const nameInput = document.getElementById('name') as HTMLInputElement | null;
    if (nameInput) nameInput.value = state.name;
    refreshSpend();
  };
  slider.addEventListener('input', () => set(Number(slider.value), 'slider'));
  box.addEventListener('change', () => {
    const v = Number(box.value);
    if (Number.isFinite(v)) set(v, 'box');
  });
  const row = h(
    'div',
    { class: 'lever', title: spec.description },
    h('div', { class: 'lever-head' }, h('span', { class: 'lever-name' }, leverLabel(spec.name, state.lang)), box),
    slider,
    h('span', { class: 'hint' }, t('leverRange', { min: num(spec.min), max: num(spec.max), unit: leverUnit(spec.name, state.lang) })),
    schedule,
    h('span', { class: 'spend', 'data-spend': spec.name }),
  );
  return row;
}

function presetName(): string {
  if (state.preset === PASTED) return state.pasted?.scenario.name ?? '';
  return state.builtins[state.preset]?.scenario.name ?? '';
}

function spendText(lever: string, s: LeverSpend, villages: number): string {
  if (s.meanValue === 0) return t('spendOff');
  if (s.basis === 'village') return t('spendVillage', { perVillage: yuan(s.perVillage ?? 0), perCounty: yuan((s.perVillage ?? 0) * villages) });
  const price = s.basis === 'recipient' ? t('spendRecipient', { price: yuan(s.meanValue * s.unitCost) }) : t('spendDispatched', { price: yuan(s.unitCost) });
  const measured =
    s.source === 'unknown'
      ? t('spendUnknown')
      : s.source === 'scaled'
        ? t('spendScaled', { perVillage: yuan(s.perVillage ?? 0) })
        : t('spendMeasured', { perVillage: yuan(s.perVillage ?? 0), perCounty: yuan((s.perVillage ?? 0) * villages) });
  return `${price} · ${measured}`;
}

/** Updates every lever's spending line, the totals and the budget check. */
function refreshSpend(): void {
  const villages = base().county.villages;
  const spends = LEVERS.map((l) => {
    const s = spendOf(l.name);
    const el = document.querySelector(`[data-spend="${l.name}"]`);
    if (el) el.textContent = spendText(l.name, s, villages);
    return s;
  });
  const total = totalSpend(spends);
  byId('total').textContent = t('totalLine', { perVillage: yuan(total.perVillage), perCounty: yuan(total.perVillage * villages) });
  byId('total').dataset.perVillage = String(total.perVillage);
  byId('total-note').textContent = total.complete ? '' : t('totalIncomplete');
  const over = state.budget !== undefined && total.perVillage > state.budget;
  byId('budget-warning').textContent = over ? t('overBudget', { spend: yuan(total.perVillage), cap: yuan(state.budget!) }) : '';
  document.body.dataset.overBudget = String(over);
  refreshRunState();
}

function refreshRunState(): void {
  const run = document.getElementById('run') as HTMLButtonElement | null;
  if (!run) return;
  run.disabled = state.running || document.body.dataset.overBudget === 'true';
  (byId('stop') as HTMLButtonElement).disabled = !state.running;
  const finished = state.results?.finished;
  (byId('download-csv') as HTMLButtonElement).disabled = !finished || finished.baseline + finished.policy === 0;
  const r = state.results;
  const progress = byId('progress');
  progress.textContent = r ? t('progress', { done: r.pairs, total: r.replicates }) : '';
  progress.dataset.done = String(r?.pairs ?? 0);
  progress.dataset.total = String(r?.replicates ?? 0);
  byId('status').textContent = state.status ? t(state.status.key, state.status.params) : '';
}

/** Embeds every chart (after a language switch or a new run's scenarios), then fills in the data. */
function renderCharts(): void {
  const root = byId('charts');
  const scenarios = state.results?.scenarios ?? ['baseline', state.name];
  for (const v of views.values()) v.finalize();
  views.clear();
  root.replaceChildren();
  const hint = h('p', { id: 'charts-hint', class: 'hint' }, state.results ? t('chartSubtitle') : t('chartsHint'));
  root.append(hint);
  const embeds = CHART_METRICS.map((metric) => {
    const box = h('div', { class: 'chart', 'data-chart': metric, 'data-replicates': '0' });
    root.append(h('figure', { class: 'chart-box' }, box));
    return embed(box, chartSpec(metric, state.lang, scenarios), {
      renderer: 'svg',
      actions: false,
      ast: true,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true, theme: 'light' },
      logLevel: VEGA_ERROR,
    }).then((r) => void views.set(metric, r.view));
  });
  chartsEmbedded = Promise.all(embeds);
  void updateCharts();
}

/** Puts the finished rows into every chart. */
async function updateCharts(): Promise<void> {
  await chartsEmbedded;
  const rows = state.results?.rows() ?? [];
  const n = state.results?.pairs ?? 0;
  await Promise.all(
    CHART_METRICS.map(async (metric) => {
      const view = views.get(metric);
      if (!view) return;
      await view.data(BAND_DATA, bandSeries(rows, metric)).runAsync();
      const box = document.querySelector<HTMLElement>(`.chart[data-chart="${metric}"]`);
      if (box) box.dataset.replicates = String(n);
    }),
  );
}

function renderAll(): void {
  renderHeader();
  renderControls();
  renderCharts();
}

// ---- actions -------------------------------------------------------------------------------------------

async function usePasted(text: string): Promise<void> {
  const r = await control.request({ kind: 'resolve', text, label: 'pasted YAML' });
  if (!r.ok) {
    state.issues = r.issues;
    renderControls();
    return;
  }
  state.issues = [];
  state.pasted = r.resolved;
  applyCounty(PASTED);
  applyPreset(PASTED);
  renderControls();
}

async function prepare(): Promise<PreparedRun | undefined> {
  const r = await control.request({ kind: 'prepare', setup: setup() });
  state.issues = r.ok ? [] : r.issues;
  const issues = byId('issues');
  issues.replaceChildren(...(r.ok ? [] : [h('p', {}, t('problems')), h('ul', {}, ...r.issues.map((i) => h('li', {}, i)))]));
  return r.ok ? r.run : undefined;
}

/** After the horizon changed: the schedules of levers set by a file, recompiled (and any problem shown). */
async function refreshPlans(): Promise<void> {
  refreshSpend();
  const run = await prepare();
  if (!run) return;
  for (const [lever, setting] of Object.entries(state.levers)) if (setting.plan && run.plans[lever]) setting.plan = run.plans[lever];
  refreshSpend();
}

async function downloadYaml(): Promise<void> {
  const run = await prepare();
  if (run) download(`${run.policy.name}.yaml`, run.yaml, 'application/yaml');
}

async function startRun(): Promise<void> {
  if (state.running) return;
  const started = performance.now();
  state.running = true;
  state.status = { key: 'running' };
  document.body.dataset.runState = 'running';
  refreshRunState();
  try {
    const run = await prepare();
    if (!run) throw new Error(t('problems'));
    const results = new RunResults(run, state.replicates);
    state.results = results;
    renderCharts();
    refreshRunState();
    const baselineKey = canonicalJson({ ...run.baseline, source: '' });
    const tasks: { kind: 'run'; scenario: Scenario; replicate: number }[] = [];
    for (let r = 0; r < state.replicates; r++) {
      const cached = baselineCache.get(`${baselineKey}#${r}`);
      if (cached) results.add(cached);
      else tasks.push({ kind: 'run', scenario: run.baseline, replicate: r });
      tasks.push({ kind: 'run', scenario: run.policy, replicate: r });
    }
    let pending: Promise<void> | undefined;
    await pool.run<'run'>(tasks, (result, task) => {
      if (task.scenario === run.baseline) baselineCache.set(`${baselineKey}#${result.replicate}`, result);
      results.add(result);
      state.measured = results.measuredSpend();
      refreshSpend();
      pending = updateCharts();
    });
    await pending;
    const ms = performance.now() - started;
    state.status = { key: 'finished', params: { seconds: (ms / 1000).toFixed(1) } };
    document.body.dataset.runMs = String(Math.round(ms));
    document.body.dataset.modelMs = String(Math.round(results.modelMs));
    document.body.dataset.runState = 'done';
  } catch (e) {
    const stopped = e instanceof Error && e.message === 'stopped';
    state.status = stopped ? { key: 'stopped' } : { key: 'runFailed', params: { message: e instanceof Error ? e.message : String(e) } };
    document.body.dataset.runState = stopped ? 'stopped' : 'failed';
  } finally {
    state.running = false;
    refreshRunState();
  }
}

function stopRun(): void {
  pool.stop();
}

/**
 * A few villages for two years of the default county: run once on each worker while the page is read, so
 * the first real replicate does not pay for compiling the model's code. Its rows are thrown away.
 */
function warmupScenario(): Scenario {
  const b = state.builtins.baseline.scenario;
  return { ...b, name: 'warm-up', years: 2, county: { ...b.county, villages: 3, population: 4500 } };
}

// ---- start -------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  byId('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    renderAll();
  });
  renderHeader();
  byId('controls').textContent = t('loading');
  state.builtins = await control.request({ kind: 'builtins' });
  if (new URLSearchParams(location.search).get('warmup') !== '0') {
    void pool.warm({ kind: 'run', scenario: warmupScenario(), replicate: 0 }).then(() => (document.body.dataset.warm = 'true'));
  }
  applyCounty('baseline');
  applyPreset(presetChoices()[0] ?? NO_PRESET);
  renderAll();
  await chartsEmbedded;
  document.body.dataset.ready = 'true';
}

void start().catch((e: unknown) => {
  byId('controls').textContent = String(e instanceof Error ? e.message : e);
  document.body.dataset.ready = 'failed';
});

