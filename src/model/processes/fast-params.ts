/**
 * Parameters in a fast-property object for the per-agent loops. `resolveParams` builds its object key by
 * key, which leaves V8 with a dictionary-mode object (87 properties): every `p.name` read in a hot loop
 * is then a hash lookup. Processes read a copy with the same names and values, built once per parameter
 * object and checked against it on every use (so a parameter changed in place is never missed).
 */
import type { Params } from '../parameters.js';

const copies = new WeakMap<Params, Params>();

/** A copy of `p` with fast (in-object) properties; values identical to `p`'s at the time of the call. */
export function fastParams(p: Params): Params {
  const hit = copies.get(p);
  if (hit !== undefined && sameValues(hit, p)) return hit;
  // JSON.parse builds objects with a shared, fast hidden class; parameter values are finite numbers.
  const copy = JSON.parse(JSON.stringify(p)) as Params;
  copies.set(p, copy);
  return copy;
}

function sameValues(copy: Params, p: Params): boolean {
  let n = 0;
  for (const k in p) {
    n++;
    if ((copy as Record<string, number>)[k] !== (p as Record<string, number>)[k]) return false;
  }
  return n === Object.keys(copy).length;
}
