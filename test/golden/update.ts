/**
 * `npm run golden:update`: reruns the golden scenario and rewrites test/golden/golden-run.json
 * (temp file + rename). Run it only when a change to the model's output is deliberate, and commit the
 * new file with the change so the difference shows up in review.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GOLDEN_FILE, goldenSummary, goldenText } from './golden-run.js';

const path = fileURLToPath(GOLDEN_FILE);
const tmp = `${path}.${process.pid}.tmp`;
writeFileSync(tmp, goldenText(goldenSummary()));
renameSync(tmp, path);
console.log(`wrote ${path}`);
