/**
 * Structural alternatives of the model (issue 14 item 3): choices between causal structures, not values
 * of a parameter. Declared once here — name, choices, default, description, paper section — and read by
 * the scenario schema (`structure:` block), the compiler (ModelInputs.structure), `talentsim describe`,
 * the scenario hash and `talentsim robustness --structures`. Pure and browser-safe.
 */

/** One structural switch. */
export interface StructureSpec {
  readonly name: string;
  /** The allowed choices; the first is not necessarily the default. */
  readonly choices: readonly string[];
  readonly default: string;
  readonly description: string;
  /** Where the default structure comes from (paper section or calibration-targets §). */
  readonly source: string;
}

/** The declared structural switches. */
export const STRUCTURES = [
  {
    name: 'quota', choices: ['county-plan', 'per-member'], default: 'county-plan',
    description: 'county-plan: a county total of recruits a year (plan_recruits_per_1000 registered villagers) allocated to branches by need and size; per-member: each branch\'s quota is quota_per_member × its full members.',
    source: '§9 ("total-quantity control", 控制总量: recruitment planned from above as a county number)',
  },
  {
    name: 'vote', choices: ['network', 'plain'], default: 'network',
    description: 'network: the branch vote is shifted by the candidate\'s ties to members (kin/clan) and made factional by conflict; plain: the vote depends on the candidate\'s standing only.',
    source: 'paper 2.1 (popularity vote), 3.1 (involution); §3 (the branch meeting votes)',
  },
  {
    name: 'readiness', choices: ['composite', 'competence'], default: 'composite',
    description: 'composite: a ready successor has both competences above the bar AND standing above succession_standing_bar AND is under the succession age; competence: both competences and the age only.',
    source: 'paper 1.2 (no successors), 2.2 (standing with villagers)',
  },
  {
    name: 'activist_exit', choices: ['lapse', 'none'], default: 'lapse',
    description: 'lapse: activists may lapse each year (hazard rising with years waiting, falling with cultivation effort); none: activists leave only by promotion, retreat, migration or death.',
    source: '§1 (activists ÷ yearly recruits ≈ 4.4-5)',
  },
  {
    name: 'introducers', choices: ['required', 'none'], default: 'required',
    description: 'required: a development target needs two introducers, resident full members among the candidate\'s ties or assigned by the branch within its yearly capacity; none: no introducer is needed.',
    source: '§3 (two full members introduce each development target)',
  },
] as const satisfies readonly StructureSpec[];

/** A structure switch's name. */
export type StructureName = (typeof STRUCTURES)[number]['name'];

/** The model's structure: one choice per switch. */
export type Structure = { [S in (typeof STRUCTURES)[number] as S['name']]: S['choices'][number] };

/** The default structure. */
export function defaultStructure(): Structure {
  return Object.fromEntries(STRUCTURES.map((s) => [s.name, s.default])) as Structure;
}

/** The structure with the given choices over the defaults (names and choices not checked: the scenario schema does). */
export function resolveStructure(overrides: Readonly<Record<string, string>> = {}): Structure {
  return { ...defaultStructure(), ...overrides } as Structure;
}

/** Every one-switch departure from the default structure: [switch, choice] pairs, in declaration order. */
export function structureAlternatives(): Array<{ name: StructureName; choice: string }> {
  const out: Array<{ name: StructureName; choice: string }> = [];
  for (const s of STRUCTURES) for (const c of s.choices) if (c !== s.default) out.push({ name: s.name, choice: c });
  return out;
}
