/** Test helpers that walk a vega-lite spec: every encoding, axis title and scenario colour scale in it. */

type Obj = Record<string, unknown>;

/** Every `encoding` object anywhere in the spec. */
export function encodings(spec: unknown): Obj[] {
  const out: Obj[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Obj;
      if (o.encoding && typeof o.encoding === 'object') out.push(o.encoding as Obj);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(spec);
  return out;
}

/** Titles of the quantitative x and y channels that carry a title (the axis titles). */
export function quantitativeAxisTitles(spec: unknown): string[] {
  const titles: string[] = [];
  for (const e of encodings(spec)) {
    for (const ch of ['x', 'y'] as const) {
      const c = e[ch] as Obj | undefined;
      if (c && c.type === 'quantitative' && typeof c.title === 'string') titles.push(c.title);
    }
  }
  return titles;
}

/** Every colour-like channel (color, fill, stroke) on the scenario field ("label", the display name), with its scale. */
export function scenarioScales(spec: unknown): { domain: string[]; range: string[] }[] {
  const out: { domain: string[]; range: string[] }[] = [];
  for (const e of encodings(spec)) {
    for (const ch of ['color', 'fill', 'stroke']) {
      const c = e[ch] as Obj | undefined;
      if (c && c.field === 'label' && c.scale) out.push(c.scale as { domain: string[]; range: string[] });
    }
  }
  return out;
}

/** Every strokeDash channel on the scenario field, with its scale. */
export function dashScales(spec: unknown): { domain: string[]; range: number[][] }[] {
  return encodings(spec).map((e) => e.strokeDash as Obj | undefined).filter((c): c is Obj => !!c && c.field === 'label')
    .map((c) => c.scale as { domain: string[]; range: number[][] });
}

/** Every inline data array anywhere in the spec. */
export function dataArrays(spec: unknown): Obj[][] {
  const out: Obj[][] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Obj;
      const d = o.data as Obj | undefined;
      if (d && Array.isArray(d.values)) out.push(d.values as Obj[]);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(spec);
  return out;
}

/** The text of the spec's top-level title. */
export function titleText(spec: unknown): string {
  const t = (spec as Obj).title;
  return typeof t === 'string' ? t : String((t as Obj | undefined)?.text ?? '');
}
