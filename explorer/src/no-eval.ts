/**
 * Imported first by the worker: zod compiles its object validators with `new Function` (and probes for it)
 * when schemas are built, which the page's Content-Security-Policy forbids. Jitless mode must be set before
 * any schema module is evaluated, so this module has no other job.
 */
import * as z from 'zod';

z.config({ jitless: true });
