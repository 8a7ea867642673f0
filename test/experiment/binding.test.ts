// Model sources resolved into bindings: a binding as given, a bare factory (in-process only), a module
// exporting a factory or a binding; incomplete metric metadata is refused naming the metric and field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isModelBinding, resolveModel, scenarioAt, type ModelBinding, type ModelFactory } from '../../src/experiment/binding.js';
import { ensemble } from '../../src/experiment/ensemble.js';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import { buildModel } from '../fixtures/toy-model.mjs';
import { TOY_MODEL, tempDir, toyScenario } from './toy.js';

const factory = buildModel as ModelFactory;

describe('resolveModel', () => {
  it('probes a factory module for its metrics and names it by file and export', async () => {
    const { binding, hashId } = await resolveModel(TOY_MODEL, toyScenario('a'));
    expect(binding.metrics.map((m) => m.name)).toEqual(['total', 'mean_count', 'top']);
    expect(binding.metrics[0]).toEqual({ name: 'total', label: { en: 'Total count', zh: '计数总和' }, unit: 'count', description: 'sum of counters', direction: 'higher', format: 'count' });
    expect(hashId).toBe('toy-model.mjs#buildModel');
    expect(binding.id).toBe(`${pathToFileURL(TOY_MODEL.module).href}#buildModel`);
    expect(binding.workerModule).toEqual({ url: pathToFileURL(TOY_MODEL.module).href, exportName: 'buildModel' });
  });

  it('takes a binding as it is, and a module whose default export is a binding', async () => {
    const toy: ModelBinding = { id: 'toy', factory, metrics: (await resolveModel(factory, toyScenario('a'))).binding.metrics };
    const resolved = await resolveModel(toy, toyScenario('a'));
    expect(resolved.hashId).toBe('toy');
    expect(resolved.binding.workerModule).toBeUndefined();
    const dir = tempDir();
    const file = join(dir, 'binding.mjs');
    writeFileSync(file, `import { buildModel } from ${JSON.stringify(pathToFileURL(TOY_MODEL.module).href)};\n` +
      `export default { id: 'toy-binding', factory: buildModel, metrics: ${JSON.stringify(toy.metrics)} };\n`);
    const fromModule = await resolveModel({ module: file }, toyScenario('a'));
    expect(fromModule.hashId).toBe('toy-binding');
    expect(isModelBinding(fromModule.binding)).toBe(true);
    expect(fromModule.binding.workerModule).toEqual({ url: pathToFileURL(file).href, exportName: 'default' });
  });

  it('runs a bare factory in this thread only', async () => {
    const res = await ensemble([toyScenario('baseline')], { model: factory, workers: 1, replicates: 2 });
    expect(res.rows!.length).toBe(2 * 5 * 3);
    await expect(ensemble([toyScenario('baseline')], { model: factory, workers: 2, replicates: 2 })).rejects.toThrow(/runs in this thread only/);
  });

  it('refuses metrics without their metadata, naming every gap', async () => {
    const bare: ModelFactory = (s, c) => {
      const m = factory(s, c);
      return { ...m, metrics: m.metrics.map(({ direction: _d, ...rest }) => rest) as unknown as typeof m.metrics };
    };
    const err = await resolveModel(bare, toyScenario('a')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExperimentInputError);
    expect((err as ExperimentInputError).problems).toHaveLength(3);
    expect((err as ExperimentInputError).problems[0]).toMatch(/^model function: metric "total": direction must be 'higher', 'lower' or 'none'/);
  });

  it('refuses a binding whose model declares other metrics than the binding lists', async () => {
    const { metrics } = (await resolveModel(factory, toyScenario('a'))).binding;
    const wrong: ModelBinding = { id: 'wrong', factory, metrics: metrics.slice(1) };
    await expect(resolveModel(wrong, toyScenario('a'))).rejects.toThrow('model wrong: the binding lists the metrics mean_count, top, but its model declares total, mean_count, top');
  });

  it('refuses a module that exports neither a binding nor a factory', async () => {
    const file = join(tempDir(), 'nothing.mjs');
    writeFileSync(file, 'export const buildModel = 42;\n');
    await expect(resolveModel({ module: file }, toyScenario('a'))).rejects.toThrow(/does not export a model binding or a function "buildModel"/);
  });
});

describe('scenarioAt', () => {
  it('sets the seed and parameter overrides without touching the rest', () => {
    const s = toyScenario('a', { parameters: { toy_effect: 1, other: 2 } });
    const at = scenarioAt(s, { seed: 99, toy_effect: 3 });
    expect(at).toEqual({ ...s, seed: 99, parameters: { toy_effect: 3, other: 2 } });
    expect(s.parameters.toy_effect).toBe(1);
  });
});
