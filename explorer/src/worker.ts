/**
 * The explorer's Web Worker: resolves and validates scenarios and runs replicates of the model, so the
 * page stays responsive. Each message is one request; the reply carries the same id.
 */
import './no-eval.js';
import '../../src/scenario/mathjs-static.js';
import { formatScenarioError } from '../../src/scenario/errors.js';
import { runExplorerReplicate } from './engine.js';
import type { WorkerMessage, WorkerReplies, WorkerRequest, WorkerResponse } from './protocol.js';
import { BUILTIN_YAML, builtinScenario, leverPlans, prepareRun, resolveText } from './scenarios.js';

function handle(req: WorkerRequest): WorkerReplies[WorkerRequest['kind']] {
  switch (req.kind) {
    case 'builtins':
      return Object.fromEntries(
        Object.keys(BUILTIN_YAML).map((name) => {
          const scenario = builtinScenario(name);
          return [name, { scenario, plans: leverPlans(scenario) }];
        }),
      );
    case 'resolve': {
      const r = resolveText(req.text, req.label);
      return r.ok
        ? { ok: true, resolved: { scenario: r.scenario, plans: leverPlans(r.scenario) } }
        : { ok: false, issues: r.issues.map(formatScenarioError) };
    }
    case 'prepare':
      return prepareRun(req.setup);
    case 'run':
      return runExplorerReplicate(req.scenario, req.replicate);
  }
}

self.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const { id, ...req } = e.data;
  let reply: WorkerResponse;
  try {
    reply = { id, ok: true, value: handle(req) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
