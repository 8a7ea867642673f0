// The documented SLURM job array, for real: a one-node cluster (scripts/slurm/cluster.sh) on this machine,
// the exact `talentsim sbatch ... --submit` of docs/experiments.md, both jobs waited for, and the merged
// outputs byte-identical to an unsharded `talentsim compare`. Where the cluster cannot run (not root, SLURM
// not installable) the test is skipped with the reason printed; with TALENTSIM_REQUIRE_SLURM=1 (set by
// .ci/run) that is a failure instead. The cluster is stopped in afterAll whatever happened.
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnProcess, type ProcessResult } from '../../src/experiment/slurm.js';
import { BIN, ROOT, outputs } from '../cli/cli-helpers.js';
import { compareArgs, slurmDocExample } from './helpers.js';

const CLUSTER = join(ROOT, 'scripts', 'slurm', 'cluster.sh');
const doc = slurmDocExample();

let env: NodeJS.ProcessEnv = process.env;
let stateDir: string | undefined;
let workDir = '';
/** Why the cluster cannot run here (skip), or how it failed to start (fail). */
let cannot: string | undefined;
let startFailure: string | undefined;
let clusterSeconds = 0;
let whole: ProcessResult | undefined;

/** A port p with p + 1 also free (slurmctld and slurmd), so the test never meets another cluster. */
async function freePortPair(): Promise<number> {
  const listenOn = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, () => {
        const address = server.address();
        const got = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolve(got));
      });
    });
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = await listenOn(0);
    if (p !== undefined && p < 65535 && (await listenOn(p + 1)) !== undefined) return p;
  }
  throw new Error('no free pair of TCP ports for slurmctld and slurmd');
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

beforeAll(async () => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    cannot = 'starting a SLURM cluster needs root on Linux';
    return;
  }
  stateDir = mkdtempSync(join(tmpdir(), 'talentsim-slurm-'));
  workDir = realpathSync(mkdtempSync(join(tmpdir(), 'talentsim-slurm-work-')));
  env = { ...process.env, TALENTSIM_SLURM_DIR: stateDir, TALENTSIM_SLURM_PORT: String(await freePortPair()), SLURM_CONF: join(stateDir, 'slurm.conf') };
  const started = performance.now();
  // The unsharded reference runs while the cluster starts (mostly waiting on apt and the daemons).
  const [up, reference] = await Promise.all([
    spawnProcess('bash', [CLUSTER, 'start'], { env }),
    spawnProcess(process.execPath, [BIN, 'compare', ...compareArgs(doc.args), '--workers', '1', '--no-report', '--out', join(workDir, 'whole')]),
  ]);
  whole = reference;
  clusterSeconds = Number(/up in ([\d.]+) s/.exec(up.stderr)?.[1] ?? seconds(started));
  if (up.code === 3) cannot = up.stderr.trim();
  else if (up.code !== 0) startFailure = `scripts/slurm/cluster.sh start exited ${up.code}:\n${up.stderr}`;
}, 300_000);

afterAll(async () => {
  if (!stateDir) return;
  const down = await spawnProcess('bash', [CLUSTER, 'stop'], { env });
  if (down.code !== 0) console.warn(`scripts/slurm/cluster.sh stop exited ${down.code}: ${down.stderr}`);
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
}, 60_000);

const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY', 'PREEMPTED', 'BOOT_FAIL', 'DEADLINE']);

/** The JobState of every record of a job (one per array task); empty once SLURM has forgotten it. */
async function jobStates(id: string): Promise<string[]> {
  const r = await spawnProcess('scontrol', ['-o', 'show', 'job', id], { env });
  return [...r.stdout.matchAll(/\bJobState=(\S+)/g)].map((m) => m[1]);
}

/** Polls until the merge job has finished (MinJobAge=5 keeps a finished job visible for 5 s; we poll at 0.25 s). */
async function waitForJobs(arrayId: string, mergeId: string, timeoutMs: number) {
  const t0 = performance.now();
  let arraySeconds: string | undefined;
  let arrayStates: string[] = [];
  for (;;) {
    if (!arraySeconds) {
      arrayStates = await jobStates(arrayId);
      if (arrayStates.length > 0 && arrayStates.every((s) => FINISHED.has(s))) arraySeconds = seconds(t0);
    }
    const [merge] = await jobStates(mergeId);
    if (merge === undefined) throw new Error(`merge job ${mergeId} vanished before it was seen finished`);
    if (FINISHED.has(merge)) return { merge, arrayStates, arraySeconds: arraySeconds ?? '?', totalSeconds: seconds(t0) };
    if (performance.now() - t0 > timeoutMs) throw new Error(`jobs not finished after ${timeoutMs / 1000} s: array ${arrayStates.join(',')}, merge ${merge}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function logTails(dir: string): string {
  let text = '';
  for (const f of readdirSync(dir)) text += `--- ${f}\n${readFileSync(join(dir, f), 'utf8').slice(-2000)}\n`;
  return text;
}

describe('SLURM: the documented job array on a one-node cluster', () => {
  it('runs talentsim sbatch --submit: the array tasks and the dependent merge; merged outputs equal an unsharded compare', async (ctx) => {
    if (startFailure) throw new Error(startFailure);
    if (cannot) {
      if (process.env.TALENTSIM_REQUIRE_SLURM === '1') throw new Error(`TALENTSIM_REQUIRE_SLURM=1, but the SLURM cluster cannot run here: ${cannot}`);
      console.warn(`SLURM job-array test skipped: ${cannot}`);
      ctx.skip(cannot);
    }
    expect(whole?.code, whole?.stderr).toBe(0);
    const submitted = performance.now();
    const sub = await spawnProcess(process.execPath, [BIN, 'sbatch', ...doc.args, '--submit'], { cwd: workDir, env });
    expect(sub.code, sub.stderr).toBe(0);
    const ids = /submitted job array (\d+) \((\d+) tasks\) and merge job (\d+)/.exec(sub.stdout);
    expect(ids, sub.stdout).not.toBeNull();
    const [, arrayId, tasks, mergeId] = ids ?? [];
    const out = join(workDir, doc.args[doc.args.indexOf('--out') + 1]);
    const logs = join(out, 'logs');

    const jobs = await waitForJobs(arrayId, mergeId, 120_000);
    expect(jobs.merge, `merge job ${mergeId} ended ${jobs.merge}\n${logTails(logs)}`).toBe('COMPLETED');
    const n = Number(tasks);
    expect(readdirSync(logs).sort()).toEqual([...Array.from({ length: n }, (_, k) => `array-${arrayId}_${k + 1}.out`), `merge-${mergeId}.out`]);
    for (let k = 1; k <= n; k++) expect(readFileSync(join(logs, `array-${arrayId}_${k}.out`), 'utf8')).toContain(`shard ${k}/${n}:`);
    expect(outputs(join(out, 'merged'))).toEqual(outputs(join(workDir, 'whole')));
    console.log(
      `SLURM: cluster up in ${clusterSeconds} s; ${n}-task array done ${jobs.arraySeconds} s after submission, merge done at ${jobs.totalSeconds} s ` +
        `(${seconds(submitted)} s including the sbatch command)`,
    );
  }, 180_000);
});
