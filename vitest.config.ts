// Test runner settings: generous per-test timeouts (simulations on a shared 2-core machine), tests only
// under test/, never the compiled dist/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'out/vitest-results.json' }]],
    maxWorkers: 2,
  },
});
