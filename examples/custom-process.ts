/**
 * A custom process added by a user: a county "returnee cadre" programme that, each year, invites
 * resident returnees with strong economic competence to apply. It is a plain function over the model
 * state with its own named random stream, inserted after the built-in migration process; a custom
 * metric counts the people it reached. Run: `npx tsx examples/custom-process.ts`.
 */
import {
  PROCESSES, Status, bernoulli, defaultInputs, run, talentModel,
  type County, type MetricDef, type Process,
} from 'talentsim';

const reached = new WeakMap<County, number[]>();

const returneeCadres: Process<County> = {
  name: 'returnee-cadres',
  description: 'Invites capable returnees (returned in the last 2 years) to apply.',
  run(county, ctx) {
    const perVillage = county.villages.map(() => 0);
    for (const v of county.villages) {
      const s = ctx.stream(v.index); // this process's own stream: built-in draws are unchanged
      const P = v.people.cols;
      for (let i = 0; i < v.people.highWater; i++) {
        if (!v.people.alive[i] || P.away[i] || P.status[i] !== Status.none) continue;
        if (P.yearsSinceReturn[i] > 2 || P.age[i] < 18 || P.competenceEconomic[i] < 0.5) continue;
        if (bernoulli(s, 0.3)) {
          P.status[i] = Status.applicant;
          P.stageYears[i] = 0;
          v.flows.stageIn[Status.applicant]++;
          perVillage[v.index]++;
        }
      }
    }
    reached.set(county, perVillage);
  },
};

const invited: MetricDef<County> = {
  name: 'returnees_invited', label: { en: 'Returnees invited', zh: '受邀返乡人员' }, unit: 'persons/year',
  description: 'Returnees invited to apply.', direction: 'higher', format: 'count',
  perGroup: (c, g) => reached.get(c)?.[g] ?? 0, aggregate: 'sum',
};

const inputs = defaultInputs({ county: { villages: 8, population: 12000 } });
const base = talentModel(inputs);
const processes = [...PROCESSES];
processes.splice(processes.findIndex((p) => p.name === 'migration') + 1, 0, returneeCadres);
const model = { ...talentModel(inputs, { processes }), metrics: [...base.metrics, invited] };

const withProgramme = run(model, { startYear: 2025, years: 10, seed: 1, metrics: ['applicants', 'members_full', 'returnees_invited'] });
const without = run(base, { startYear: 2025, years: 10, seed: 1, metrics: ['applicants', 'members_full'] });
const at = (rows: typeof without.rows, m: string, y: number) => rows.find((r) => r.metric === m && r.year === y)?.value ?? 0;
console.log('year  applicants(base)  applicants(programme)  invited');
for (const y of [2026, 2030, 2035]) {
  console.log(`${y}  ${at(without.rows, 'applicants', y)}  ${at(withProgramme.rows, 'applicants', y)}  ${at(withProgramme.rows, 'returnees_invited', y)}`);
}
