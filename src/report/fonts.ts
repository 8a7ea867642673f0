/**
 * The font files the PNG renderer loads, found at run time: a Latin font (DejaVu Sans, from
 * fonts-dejavu-core) and, for Chinese text, a CJK font (Noto Sans CJK, from Debian's fonts-noto-cjk; other
 * common CJK fonts are accepted). resvg is told exactly which files to load, so a chart renders the same on
 * every machine that has them; when Chinese text needs a CJK font and none is installed the renderer stops
 * with {@link MissingFontError} instead of drawing empty boxes. The CJK font goes to resvg cut down to the
 * chart's characters (font-subset.ts), which makes a Chinese chart as fast to rasterise as an English one.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { subsetFont } from './font-subset.js';

/** Where fonts are looked for (Debian and most Linux distributions). */
export const FONT_DIRS: readonly string[] = ['/usr/share/fonts', '/usr/local/share/fonts'];

/** File names of CJK fonts, most preferred first (regular weights; the bold of the same family is added when present). */
const CJK_FONT_FILES = [
  /^NotoSansCJK-Regular\.tt[cf]$/i, /^NotoSansCJK(sc|SC)?-Regular\.otf$/i, /^NotoSansSC-Regular\.(otf|ttf)$/i,
  /^SourceHanSans(SC|CN)?-Regular\.(otf|ttc)$/i, /^wqy-(microhei|zenhei)\.ttc$/i, /^DroidSansFallback(Full)?\.ttf$/i,
  /^NotoSerifCJK-Regular\.tt[cf]$/i,
];

/** File names of the Latin font, regular and bold. */
const LATIN_FONT_FILES = [/^DejaVuSans\.ttf$/i, /^DejaVuSans-Bold\.ttf$/i];

/** A CJK character (Han, kana, hangul, CJK punctuation and full-width forms). */
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;

/** True when the text contains a character only a CJK font draws. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Chinese text in a chart needs a CJK font and none is installed. */
export class MissingFontError extends Error {
  /** Folders searched. */
  readonly searched: readonly string[];
  constructor(searched: readonly string[]) {
    super(
      `no CJK font found under ${searched.join(', ')}: the chart has Chinese text, which would render as empty boxes. ` +
        'Install one, e.g. on Debian or Ubuntu: apt-get install fonts-noto-cjk',
    );
    this.name = 'MissingFontError';
    this.searched = searched;
  }
}

/** Every font file under `dirs` (recursively; unreadable folders are skipped). */
function fontFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory() && depth < 6) walk(p, depth + 1);
      else if (st.isFile() && /\.(ttf|otf|ttc)$/i.test(n)) out.push(p);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

/** The files among `files` matching the patterns, in pattern order (one per pattern). */
function pick(files: readonly string[], patterns: readonly RegExp[]): string[] {
  const out: string[] = [];
  for (const re of patterns) {
    const f = files.find((p) => re.test(basename(p)));
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

/** The fonts found: Latin files and CJK files (either may be empty). */
export interface FontSet {
  latin: string[];
  cjk: string[];
  /** Folders searched. */
  dirs: readonly string[];
}

const found = new Map<string, FontSet>();

/** The font files under `dirs` (default {@link FONT_DIRS}), searched once per set of folders. */
export function findFonts(dirs: readonly string[] = FONT_DIRS): FontSet {
  const list = dirs;
  const key = list.join('\u0000');
  let set = found.get(key);
  if (!set) {
    const files = fontFiles(list);
    const regular = pick(files, CJK_FONT_FILES)[0];
    const bold = regular && files.find((f) => f !== regular && basename(f) === basename(regular).replace(/Regular/i, 'Bold'));
    set = { latin: pick(files, LATIN_FONT_FILES), cjk: regular ? [regular, ...(bold ? [bold] : [])] : [], dirs: list };
    found.set(key, set);
  }
  return set;
}

/** The font files for one rendering; `dispose` removes the temporary subset files. */
export interface ChartFonts {
  files: string[];
  /** True when no Latin font file was found and the system's fonts should be loaded instead. */
  system: boolean;
  /** The default family. */
  family: string;
  dispose(): void;
}

/** Every character of `svg` outside ASCII (its text; the markup is ASCII). */
function nonAscii(svg: string): string {
  let out = '';
  for (const ch of new Set(svg)) if (ch.charCodeAt(0) > 0x7e) out += ch;
  return out;
}

/**
 * The font files to give resvg for `svg`: the Latin font, plus — when the text has CJK characters — the
 * CJK fonts cut down to the characters of the chart, in a temporary folder (throws
 * {@link MissingFontError} when there is no CJK font).
 */
export function fontsFor(svg: string, dirs?: readonly string[]): ChartFonts {
  const set = findFonts(dirs);
  const cjk = hasCjk(svg);
  if (cjk && set.cjk.length === 0) throw new MissingFontError(set.dirs);
  const base = { system: set.latin.length === 0, family: set.latin.length ? 'DejaVu Sans' : 'sans-serif' };
  if (!cjk) return { ...base, files: [...set.latin], dispose: () => {} };
  const text = nonAscii(svg);
  const dir = mkdtempSync(join(tmpdir(), 'talentsim-fonts-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const subsets = set.cjk.map((file, i) => {
      const path = join(dir, `cjk-${i}.otf`);
      writeFileSync(path, subsetFont(file, text));
      return path;
    });
    return { ...base, files: [...set.latin, ...subsets], dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}
