/**
 * The report as an ordered list of sections. Each default section (summary, reading, scenarios, outcomes,
 * charts, robustness, run) is one entry; an analysis that brings its own results (e.g. a calibration, or
 * P(best) under a posterior) adds a {@link ReportSection} through `ReportInputs.sections`, placed after the
 * section it names, with charts embedded and styled like the others.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportContext } from './context.js';

/** Places charts in the page: registers a spec and returns the HTML of its container. */
export type ChartSink = (name: string, spec: TopLevelSpec) => string;

/** One section of the report. */
export interface ReportSection {
  /** Stable id (also the HTML id of the section). */
  id: string;
  /** Id of the section this one follows (default: before "run", the last). */
  after?: string;
  /** The section's HTML (heading included), or undefined to leave it out; `chart` embeds a vega-lite spec. */
  render(ctx: ReportContext, chart: ChartSink): string | undefined;
}

/** The default sections with `extra` inserted after the section each names (or before "run"). */
export function arrangeSections(defaults: readonly ReportSection[], extra: readonly ReportSection[] = []): ReportSection[] {
  const out = [...defaults];
  for (const s of extra) {
    if (out.some((x) => x.id === s.id)) throw new Error(`report section "${s.id}" is defined twice`);
    const after = s.after !== undefined ? out.findIndex((x) => x.id === s.after) : -1;
    if (s.after !== undefined && after < 0) throw new Error(`report section "${s.id}": no section "${s.after}" to follow`);
    const run = out.findIndex((x) => x.id === 'run');
    out.splice(after >= 0 ? after + 1 : run >= 0 ? run : out.length, 0, s);
  }
  return out;
}
