// Changing a Party status: one function for every process, with the same bookkeeping everywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../../src/model/processes/pipeline.js';
import { changeStatus, leftPipelineIn } from '../../src/model/status-change.js';
import { Status } from '../../src/model/villager.js';
import { handCounty, handVillage, person, runOnce } from './helpers.js';

describe('changeStatus', () => {
  it('counts the stage flows, restarts the time in stage and marks the year of leaving the pipeline', () => {
    const v = handVillage(0, (v) => {
      person(v, { status: Status.activist, stageYears: 3 });
    });
    changeStatus(v, 0, Status.developmentTarget, 4);
    expect(v.people.cols.status[0]).toBe(Status.developmentTarget);
    expect(v.people.cols.stageYears[0]).toBe(0);
    expect(v.flows.stageOut[Status.activist]).toBe(1);
    expect(v.flows.stageIn[Status.developmentTarget]).toBe(1);
    expect(leftPipelineIn(v, 0, 4)).toBe(false);
    changeStatus(v, 0, Status.none, 4);
    expect(v.flows.stageOut[Status.developmentTarget]).toBe(1);
    expect(v.flows.stageIn[Status.none]).toBe(0);
    expect(leftPipelineIn(v, 0, 4)).toBe(true);
    expect(leftPipelineIn(v, 0, 5)).toBe(false);
  });

  it('keeps one who left the pipeline this year from applying again until the next year', () => {
    // Aspiration 1 and application rate 1: everyone eligible applies with probability 0.5 + 0.5·effort = 1.
    const v = handVillage(0, (v) => {
      for (let k = 0; k < 20; k++) person(v, { age: 30, aspiration: 1 });
    });
    v.branch.meetingQuality = 1;
    const c = handCounty([v], { parameters: { application_rate: 1, quota_per_member: 0 } });
    for (let k = 0; k < 10; k++) changeStatus(v, k, Status.none, 1); // left in year 1 (e.g. quit after the pipeline step)
    runOnce(c, pipeline, 1, 2026, 1);
    const P = v.people.cols;
    for (let k = 0; k < 10; k++) expect(P.status[k], `slot ${k}`).toBe(Status.none);
    for (let k = 10; k < 20; k++) expect(P.status[k], `slot ${k}`).toBe(Status.applicant);
    runOnce(c, pipeline, 1, 2027, 2);
    for (let k = 0; k < 10; k++) expect(P.status[k], `slot ${k}`).toBe(Status.applicant);
  });

  it('is the only writer of the status column in the model (no process sets a status by hand)', () => {
    const dir = resolve(import.meta.dirname, '../../src/model');
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, 'processes')).map((f) => join(dir, 'processes', f))];
    const writers = files
      .filter((f) => f.endsWith('.ts') && !f.endsWith('status-change.ts') && !f.endsWith('county-generator.ts'))
      .filter((f) => /\.status\[[^\]]+\]\s*=[^=]/.test(readFileSync(f, 'utf8')));
    expect(writers).toEqual([]);
  });
});
