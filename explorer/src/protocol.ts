/** The messages between the page and its Web Workers: one request, one reply, matched by `id`. */
import type { ReplicateResult } from './engine.js';
import type { ExplorerSetup, LeverPlan, PreparedRun } from './scenarios.js';
import type { Scenario } from '../../src/scenario/types.js';

/** A built-in or pasted scenario, resolved, with its lever schedules. */
export interface ResolvedScenario {
  scenario: Scenario;
  plans: Record<string, LeverPlan>;
}

/** What a worker is asked to do. */
export type WorkerRequest =
  | { kind: 'builtins' }
  | { kind: 'resolve'; text: string; label: string }
  | { kind: 'prepare'; setup: ExplorerSetup }
  | { kind: 'run'; scenario: Scenario; replicate: number };

/** The reply to each request kind. */
export interface WorkerReplies {
  builtins: Record<string, ResolvedScenario>;
  resolve: { ok: true; resolved: ResolvedScenario } | { ok: false; issues: string[] };
  prepare: { ok: true; run: PreparedRun } | { ok: false; issues: string[] };
  run: ReplicateResult;
}

/** A request on the wire. */
export type WorkerMessage = WorkerRequest & { id: number };

/** A reply on the wire: the result, or the error the request raised. */
export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
