/**
 * A user's lever, end to end: a "mentoring" programme in which Party members mentor young villagers into
 * applying, declared with `defineLever` (its unit, range, unit cost and cost basis), set from a scenario
 * file (mentoring.yaml: `policies: [{ lever: mentoring, value: 0.5 }]`), read by the user's own process,
 * billed by the model's policy-cost process like a built-in lever, and reported by a metric of its own.
 *
 *   talentsim compare baseline examples/user-lever/mentoring.yaml --model examples/user-lever/mentoring.mjs
 *
 * writes `mentored` into series.csv, comparison.csv and the report, and the programme's spending into
 * policy_cost. From code: `loadScenario('examples/user-lever/mentoring.yaml', { levers: [mentoring] })` and
 * `ensemble(scenarios, { model: mentoringBinding })`. Plain JavaScript (worker threads load it).
 */
import { PROCESSES, compileScenario, defineLever, metricMeta, talentBinding, talentModel } from 'talentsim';
import { bernoulli } from 'talentsim/core';
import { Status } from 'talentsim/model';

/** The lever: mentoring intensity 0-1, 2,000 yuan per mentored villager per unit of intensity (a recipient lever). */
export const mentoring = defineLever({
  name: 'mentoring',
  pathway: 'mentoring-programme',
  label: { en: 'Member mentoring', zh: '党员结对帮带' },
  unit: 'intensity 0-1',
  min: 0,
  max: 1,
  unitCost: 2000,
  costBasis: 'recipient',
  description: 'Members mentor resident villagers aged 18-40 into applying (assumption, for the example).',
});

const reached = new WeakMap();

/** The process: each resident villager aged 18-40 outside the pipeline applies with probability 0.2 × intensity. */
export const mentoringProcess = {
  name: 'mentoring',
  description: 'Members mentor young villagers into applying.',
  run(county, ctx) {
    const value = county.policy.levers.mentoring ?? 0;
    const perVillage = county.villages.map(() => 0);
    if (value > 0) {
      for (const v of county.villages) {
        const s = ctx.stream(v.index);
        const P = v.people.cols;
        for (let i = 0; i < v.people.highWater; i++) {
          if (!v.people.alive[i] || P.away[i] || P.status[i] !== Status.none || P.age[i] < 18 || P.age[i] > 40) continue;
          if (bernoulli(s, 0.2 * value)) {
            P.status[i] = Status.applicant;
            P.stageYears[i] = 0;
            v.flows.stageIn[Status.applicant]++;
            perVillage[v.index]++;
          }
        }
        // What the policy-cost process bills this lever on: its recipients.
        v.flows.leverRecipients.mentoring = perVillage[v.index];
      }
    }
    reached.set(county, perVillage);
  },
};

/**
 * The programme's metric, with its place among the main and report outcomes, so it reaches summary.json and the report.
 * @type {import('talentsim/core').MetricDef<import('talentsim/model').County>}
 */
export const mentored = {
  name: 'mentored', label: { en: 'Villagers mentored', zh: '结对帮带人数' }, unit: 'persons/year',
  description: 'Villagers mentored into applying in the year.', direction: 'none', format: 'count', main: 7, report: 7,
  perGroup: (c, g) => reached.get(c)?.[g] ?? 0, aggregate: 'sum',
};

/** The talent processes with mentoring before the pipeline (so the new applicants enter it this year). */
export const processes = [...PROCESSES];
processes.splice(processes.findIndex((p) => p.name === 'pipeline'), 0, mentoringProcess);

/** The binding: the talent binding with the process, the metric and the lever. */
export const mentoringBinding = {
  ...talentBinding,
  id: 'talentsim+mentoring',
  factory(scenario) {
    const model = talentModel(compileScenario(scenario), { processes });
    return { ...model, metrics: [...model.metrics, mentored] };
  },
  workerModule: { url: import.meta.url, exportName: 'mentoringBinding' },
  metrics: [...talentBinding.metrics, metricMeta(mentored)],
  levers: [mentoring],
};

export default mentoringBinding;
