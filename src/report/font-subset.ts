/**
 * A small font file with only the characters a chart needs, cut from a large CJK font with HarfBuzz's
 * subsetter (harfbuzzjs, WebAssembly). resvg reads its font file again for every glyph it draws, so the
 * 19 MB Noto Sans CJK collection costs about 15 ms per Chinese character (seconds per chart) while a
 * subset of a few kilobytes costs nothing measurable; the glyphs are the font's own. The collection is
 * read into the subsetter once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The subsetter's exports (the C API of hb-subset, on its linear memory). */
interface HbSubset {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

/** HB_MEMORY_MODE_READONLY: the blob does not own or change the bytes. */
const READONLY = 1;
/** HB_SUBSET_SETS_NAME_ID: the name records kept. */
const NAME_IDS = 4;

let hb: HbSubset | undefined;

function subsetter(): HbSubset {
  if (!hb) {
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    hb = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as HbSubset;
  }
  return hb;
}

/** A font file loaded into the subsetter's memory, with the face to cut from. */
interface LoadedFace {
  face: number;
}

const loaded = new Map<string, LoadedFace>();

/** The family names (name ID 1, Windows English) of every face of a font file or collection. */
export function faceFamilies(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = b.toString('latin1', 0, 4) === 'ttcf'
    ? Array.from({ length: b.readUInt32BE(8) }, (_, i) => b.readUInt32BE(12 + 4 * i))
    : [0];
  return offsets.map((off) => {
    const tables = b.readUInt16BE(off + 4);
    for (let k = 0; k < tables; k++) {
      const p = off + 12 + 16 * k;
      if (b.toString('latin1', p, p + 4) !== 'name') continue;
      const t = b.readUInt32BE(p + 8);
      const count = b.readUInt16BE(t + 2);
      const strings = t + b.readUInt16BE(t + 4);
      for (let r = 0; r < count; r++) {
        const q = t + 6 + 12 * r;
        if (b.readUInt16BE(q) !== 3 || b.readUInt16BE(q + 4) !== 0x409 || b.readUInt16BE(q + 6) !== 1) continue;
        const s = b.subarray(strings + b.readUInt16BE(q + 10), strings + b.readUInt16BE(q + 10) + b.readUInt16BE(q + 8));
        let name = '';
        for (let j = 0; j + 1 < s.length; j += 2) name += String.fromCharCode(s.readUInt16BE(j));
        return name;
      }
    }
    return '';
  });
}

/** The face of a collection to use for simplified Chinese (… SC, else a non-monospaced face, else the first). */
export function chineseFace(families: readonly string[]): number {
  const sc = families.findIndex((f) => /\bSC$/.test(f) && !/Mono/.test(f));
  if (sc >= 0) return sc;
  const proportional = families.findIndex((f) => !/Mono/.test(f));
  return proportional >= 0 ? proportional : 0;
}

function load(path: string): LoadedFace {
  let f = loaded.get(path);
  if (!f) {
    const ex = subsetter();
    const bytes = readFileSync(path);
    const ptr = ex.malloc(bytes.byteLength);
    new Uint8Array(ex.memory.buffer).set(bytes, ptr); // a view after malloc: the memory may have grown
    const blob = ex.hb_blob_create(ptr, bytes.byteLength, READONLY, 0, 0);
    const face = ex.hb_face_create(blob, chineseFace(faceFamilies(bytes)));
    ex.hb_blob_destroy(blob); // the face keeps its own reference; the bytes stay for the process
    f = { face };
    loaded.set(path, f);
  }
  return f;
}

/**
 * The font at `path` (a file or the Chinese face of a collection) cut down to the characters of `text`,
 * as OpenType bytes; its family names are kept, so the chart's font-family still finds it.
 */
export function subsetFont(path: string, text: string): Uint8Array {
  const ex = subsetter();
  const { face } = load(path);
  const input = ex.hb_subset_input_create_or_fail();
  if (!input) throw new Error(`could not start subsetting ${path}`);
  try {
    const unicodes = ex.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) ex.hb_set_add(unicodes, ch.codePointAt(0)!);
    const names = ex.hb_subset_input_set(input, NAME_IDS);
    for (const id of [16, 17]) ex.hb_set_add(names, id); // typographic family and subfamily, besides the default 0-6
    const sub = ex.hb_subset_or_fail(face, input);
    if (!sub) throw new Error(`could not subset the font ${path}`);
    const blob = ex.hb_face_reference_blob(sub);
    try {
      const data = ex.hb_blob_get_data(blob, 0);
      const length = ex.hb_blob_get_length(blob);
      return new Uint8Array(ex.memory.buffer).slice(data, data + length);
    } finally {
      ex.hb_blob_destroy(blob);
      ex.hb_face_destroy(sub);
    }
  } finally {
    ex.hb_subset_input_destroy(input);
  }
}
