// Shared pieces of the benchmark: counties of a given size, timed runs, the kernel floor loop.
// Imports the compiled public modules (dist/core, dist/model): run `npm run build` first.
import { run, StreamFactory, runPrefix } from '../dist/core/index.js';
import { talentModel, defaultInputs, defaultCounty, PROCESSES } from '../dist/model/index.js';

/** Villagers per village in the default county (54,000 / 36). */
export const VILLAGE_SIZE = defaultCounty().population / defaultCounty().villages;

/** Model inputs of a county with `agents` registered villagers at the default village size. */
export function countyInputs(agents) {
  const villages = Math.max(1, Math.round(agents / VILLAGE_SIZE));
  return defaultInputs({ county: { villages, population: agents } });
}

/** The value after `--name` in `args`, or `fallback`. */
export function argOption(args, name, fallback) {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && k + 1 < args.length ? args[k + 1] : fallback;
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * One run of the model; times only the yearly steps (from the end of year-0 collection to the end),
 * so state construction is excluded. Returns agents (registered at the start), years, draws, wall and
 * CPU seconds of the steps, and the state's stores for the kernel.
 */
export function timedRun(inputs, years, seed = 1, onYear) {
  let t0 = 0;
  let c0 = null;
  const model = countingModel(talentModel(inputs));
  const res = run(model, {
    startYear: 2025,
    years,
    seed,
    onYear: (_state, _y, t) => {
      if (t === 0) {
        t0 = performance.now();
        c0 = process.cpuUsage();
      }
      onYear?.(t);
    },
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0).user / 1e6;
  return { state: res.state, agents: model.agents, wall, cpu, years, draws: res.draws };
}

/** The model definition with `agents` set to the registered villagers once the state is created. */
export function countingModel(def) {
  const model = {
    ...def,
    agents: 0,
    create(ctx) {
      const state = def.create(ctx);
      for (const v of state.villages) model.agents += v.people.count;
      return state;
    },
  };
  return model;
}

/**
 * The kernel: the floor the model is compared with. Over the same villages' typed arrays, for each year
 * and village it derives the same keyed draws the model derives (one per process, same keys), makes one
 * pass over the slots reading the alive flag, the identity key and two columns, and takes
 * `drawsPerAgentYear` keyed draws per living agent (fractions carried over; decision indices 0, 1, …) —
 * the same number and kind of draws as the model, with no model logic.
 */
export function kernelRun(state, years, drawsPerAgentYear, seed = 1) {
  const rng = new StreamFactory(runPrefix(seed, '', 0));
  const names = PROCESSES.map((p) => p.name);
  let acc = 0;
  let owed = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let agentYears = 0;
  for (let t = 1; t <= years; t++) {
    const year = 2025 + t;
    for (const v of state.villages) {
      let s = null;
      for (let k = 0; k < names.length; k++) {
        const d = rng.draws(v.index, names[k], year);
        if (k === 0) s = d;
      }
      const alive = v.people.alive;
      const keys = v.people.keys;
      const age = v.people.cols.age;
      const identity = v.people.cols.identity;
      const hw = v.people.highWater;
      for (let i = 0; i < hw; i++) {
        if (alive[i] === 0) continue;
        agentYears++;
        acc += age[i] * identity[i];
        owed += drawsPerAgentYear;
        let d = 0;
        while (owed >= 1) {
          acc += s.u(keys[i], d++);
          owed -= 1;
        }
      }
    }
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0).user / 1e6;
  return { wall, cpu, agentYears, draws: rng.drawCount, checksum: acc };
}
