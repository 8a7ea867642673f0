/**
 * Compact storage of every replicate's values for the statistics: per unit one Float64Array laid out as
 * [metric][year][replicate], so each (unit, metric, year) cell is a contiguous view over replicates. A
 * 1,000-replicate ensemble of 7 scenarios × 30 metrics × 11 years is 18 MB; no rows are kept.
 */
import { csvLines, parseCsvLine } from './csv.js';
import { unitYears, type ExperimentUnit } from './unit.js';

/** Replicate values of every unit × metric × year, with which replicates are present. */
export class ValueTable {
  private readonly data: Float64Array[];
  private readonly present: Uint8Array[];
  private readonly yearIndex: Map<number, number>[];
  private readonly metricIndex: Map<string, number>;
  private readonly years: number[][];

  /** @param units the units (each with its replicate count), @param metrics metric names in declaration order */
  constructor(
    readonly units: readonly ExperimentUnit[],
    readonly metrics: readonly string[],
  ) {
    this.metricIndex = new Map(metrics.map((m, i) => [m, i]));
    this.years = units.map((u) => unitYears(u));
    this.yearIndex = this.years.map((ys) => new Map(ys.map((y, i) => [y, i])));
    this.data = units.map((_, u) => new Float64Array(metrics.length * this.years[u].length * units[u].replicates).fill(NaN));
    this.present = units.map((unit) => new Uint8Array(unit.replicates));
  }

  /** Calendar years of unit `u`. */
  unitYears(u: number): readonly number[] {
    return this.years[u];
  }

  /** True if replicate `r` of unit `u` has been stored. */
  has(u: number, r: number): boolean {
    return this.present[u][r] === 1;
  }

  /** Replicates of unit `u` that are present, ascending. */
  presentReplicates(u: number): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.present[u].length; r++) if (this.present[u][r]) out.push(r);
    return out;
  }

  /** The replicate values of one cell (a view; NaN where a replicate is missing). */
  cell(u: number, metric: number, yearIdx: number): Float64Array {
    const ny = this.years[u].length;
    const n = this.units[u].replicates;
    const start = (metric * ny + yearIdx) * n;
    return this.data[u].subarray(start, start + n);
  }

  /**
   * Stores replicate `r` of unit `u` from its part CSV text (header + rows): the values exactly as written,
   * so fresh, resumed and merged runs compute identical statistics.
   */
  addPart(u: number, r: number, csv: string): void {
    const lines = csvLines(csv);
    if (lines.length === 0) throw new Error('empty part file');
    const header = parseCsvLine(lines[0]);
    const iy = header.indexOf('year');
    const im = header.indexOf('metric');
    const iv = header.indexOf('value');
    if (iy < 0 || im < 0 || iv < 0) throw new Error('part file lacks year/metric/value columns');
    const ny = this.years[u].length;
    const n = this.units[u].replicates;
    const data = this.data[u];
    for (let k = 1; k < lines.length; k++) {
      const f = parseCsvLine(lines[k]);
      const m = this.metricIndex.get(f[im]);
      const y = this.yearIndex[u].get(Number(f[iy]));
      if (m === undefined || y === undefined) continue;
      data[(m * ny + y) * n + r] = Number(f[iv]);
    }
    this.present[u][r] = 1;
  }
}
