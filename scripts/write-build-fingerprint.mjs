// Run by `npm run build` after tsc: records a fingerprint of src/ in dist/build-fingerprint.json, so that
// code running from the TypeScript sources (tests) hands worker threads the dist/ copy only when it was
// compiled from exactly these sources (see src/experiment/compiled.ts).
import { writeBuildFingerprint } from '../dist/experiment/compiled.js';

writeBuildFingerprint();
