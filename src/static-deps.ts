/**
 * Gives the lazily loaded dependencies their modules by static imports, for runtimes where they cannot be
 * required on first use (a web page or worker; talentsim/browser imports this): mathjs for the expression
 * engine (scenario/mathjs-static.ts) and @stdlib's t quantile for the statistics. Node code need not
 * import this: there each is loaded on first use (core/lazy-require.ts).
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { useTQuantile } from './experiment/statistics.js';
import './scenario/mathjs-static.js';

useTQuantile(tQuantile);
