/**
 * The content hashes, in one place: FNV-1a (Fowler, Noll, Vo; the variant that XORs each byte or code unit
 * in before multiplying) in its 64-bit form for model handles and its 32-bit form for the refresh
 * baseline of every table row AIFIN wrote (src/office/refreshMerge.ts). Both formats are persisted (in
 * cells and in the workbook's ownership record): changing either is a data migration, not a refactor.
 * A third, `CellHash64`, digests the rows of a workbook facts table for AIFIN.MODEL; it is not persisted.
 *
 * FNV-1a, 64-bit (Fowler, Noll, Vo; the variant that XORs each byte in before multiplying), over the UTF-8
 * bytes of a text. Model handles are this hash of the model content, so the same content gives the same
 * handle in every session without any shared state.
 *
 * JavaScript numbers hold 53 bits, so the 64-bit state lives in four 16-bit limbs. The FNV prime
 * 2^40 + 0x1b3 has only two non-zero limbs (0x01b3 at limb 0, 0x0100 at limb 2), so one step is a few
 * multiplications whose intermediates stay below 2^26, where 32-bit integer operations are exact.
 * `Fnv1a64` hashes text piece by piece through one reused buffer: a 10,000-row range hashes without
 * building one large string or byte array.
 */

// Created on first use: the model module also loads where no TextEncoder global exists (jsdom tests).
let encoder: TextEncoder | undefined;
let scratch = new Uint8Array(4096);

/** An incremental FNV-1a 64 hasher; `update` several pieces = hashing their concatenation. */
export class Fnv1a64 {
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  /** Feeds the UTF-8 bytes of `text` (lone surrogates as U+FFFD, as TextEncoder does). */
  update(text: string): this {
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    let i = 0;
    // ASCII (almost every cell of a facts table) is its own UTF-8: hash the code units directly.
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) break;
      h0 ^= c;
      const r0 = h0 * 0x01b3;
      const r1 = h1 * 0x01b3 + (r0 >>> 16);
      const r2 = h2 * 0x01b3 + (h0 << 8) + (r1 >>> 16);
      const r3 = h3 * 0x01b3 + (h1 << 8) + (r2 >>> 16);
      h0 = r0 & 0xffff;
      h1 = r1 & 0xffff;
      h2 = r2 & 0xffff;
      h3 = r3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    if (i < text.length) this.updateEncoded(i === 0 ? text : text.slice(i));
    return this;
  }

  private updateEncoded(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3 + 1024);
    encoder ??= new TextEncoder();
    const { written } = encoder.encodeInto(text, scratch);
    const bytes = scratch;
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    for (let i = 0; i < written; i++) {
      h0 ^= bytes[i];
      const r0 = h0 * 0x01b3;
      const r1 = h1 * 0x01b3 + (r0 >>> 16);
      const r2 = h2 * 0x01b3 + (h0 << 8) + (r1 >>> 16);
      const r3 = h3 * 0x01b3 + (h1 << 8) + (r2 >>> 16);
      h0 = r0 & 0xffff;
      h1 = r1 & 0xffff;
      h2 = r2 & 0xffff;
      h3 = r3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
  }

  /** The hash so far as 16 lower-case hex digits. */
  digest(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
  }
}

/**
 * Returns the FNV-1a 64 hash of `text` as 16 lower-case hex digits.
 *
 * @example fnv1a64("")       // "cbf29ce484222325" (the offset basis)
 * @example fnv1a64("foobar") // "85944171f73967e8"
 */
export function fnv1a64(text: string): string {
  return new Fnv1a64().update(text).digest();
}

/** The FNV-1a 32-bit offset basis, as a signed 32-bit integer. */
export const FNV1A32_OFFSET_BASIS = 0x811c9dc5 | 0;
/** The FNV-1a 32-bit prime. */
export const FNV1A32_PRIME = 0x01000193;

// Bound once: a global `Math.imul` lookup inside the loop runs ~70x slower in a jest VM context.
const imul = Math.imul;

/**
 * Feeds the UTF-16 code units of `text` into an FNV-1a 32-bit state and returns the new state. The state
 * stays a signed 32-bit integer (a small integer to V8, no allocation); read it unsigned (`>>> 0`) at the end.
 * @example (fnv1a32Feed(FNV1A32_OFFSET_BASIS, "a") >>> 0).toString(16) // "e40c292c"
 */
export function fnv1a32Feed(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), FNV1A32_PRIME);
  return h;
}

// ---- table content digests (not persisted) ---------------------------------------------------------------

/** Tags that start each cell in a {@link CellHash64}, so no cell can imitate another kind or a boundary. */
const TAG_NULL = 0x6e756c6c;
const TAG_NUMBER = 0x6e756d62;
const TAG_TRUE = 0x74727565;
const TAG_FALSE = 0x66616c73;
const TAG_TEXT = 0x74657874;
/** Odd multipliers of the two lanes (FNV-1a 32's prime; the golden-ratio constant 2^32 / φ, made odd). */
const LANE_A_PRIME = 0x01000193;
const LANE_B_PRIME = 0x9e3779b1 | 0;
const LANE_A_SEED = 0x811c9dc5 | 0;
const LANE_B_SEED = 0x27d4eb2f;
/** Reads a number's IEEE-754 bits. */
const float64 = new Float64Array(1);
const float64Words = new Uint32Array(float64.buffer);

/**
 * A fast 64-bit digest of table cells (texts, numbers, booleans, empty), for AIFIN.MODEL's per-row digests
 * and the handle folded from them. Two independent 32-bit lanes, each step `lane = f(lane XOR unit)` with
 * `f` a bijection (multiplication by an odd constant, then a rotation in lane B), over UTF-16 code units and
 * the two 32-bit words of a number (two code units per step): so changing one unit of the input, e.g. one character of a cell or one
 * row's digest folded into the handle, always changes both lanes; other changes collide with chance about
 * 2^-64. About ten times cheaper than {@link Fnv1a64}'s 16-bit limbs over UTF-8 bytes, which is why a 10,000-row
 * range digests in a few milliseconds. Not persisted: a workbook model's handle is recomputed by MODEL in
 * every session, so this hash may change with a content version (the bundled handles keep FNV-1a 64).
 */
export class CellHash64 {
  private a = LANE_A_SEED;
  private b = LANE_B_SEED;

  /** Starts again from the seed, as a new hasher would (one hasher can then digest many rows). */
  reset(): this {
    this.a = LANE_A_SEED;
    this.b = LANE_B_SEED;
    return this;
  }

  /** Feeds one 32-bit unit. */
  unit(u: number): this {
    this.a = imul(this.a ^ u, LANE_A_PRIME);
    const b = imul(this.b ^ u, LANE_B_PRIME);
    this.b = (b << 15) | (b >>> 17);
    return this;
  }

  /** Feeds one cell: its kind, then its content (a text's length first). -0 is fed as 0. */
  cell(value: string | number | boolean | null): this {
    if (value === null) return this.unit(TAG_NULL);
    if (typeof value === "number") {
      float64[0] = value === 0 ? 0 : value;
      return this.unit(TAG_NUMBER).unit(float64Words[0]).unit(float64Words[1]);
    }
    if (typeof value === "boolean") return this.unit(value ? TAG_TRUE : TAG_FALSE);
    return this.text(value);
  }

  /** Feeds a text as one cell (tag, length, code units). */
  text(s: string): this {
    this.unit(TAG_TEXT).unit(s.length);
    let a = this.a;
    let b = this.b;
    // Two code units per step: one 32-bit unit (the length above tells an odd tail from a pair).
    const pairs = s.length & ~1;
    let i = 0;
    for (; i < pairs; i += 2) {
      const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      a = imul(a ^ c, LANE_A_PRIME);
      b = imul(b ^ c, LANE_B_PRIME);
      b = (b << 15) | (b >>> 17);
    }
    if (i < s.length) {
      const c = s.charCodeAt(i);
      a = imul(a ^ c, LANE_A_PRIME);
      b = imul(b ^ c, LANE_B_PRIME);
      b = (b << 15) | (b >>> 17);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /**
   * Feeds every cell of a row from Excel in normal form, as `cell(normal(v))` for each would: texts and
   * numbers (whose normal forms are themselves, "" empty and -0 as 0) are hashed in one loop with the lanes
   * held in locals; other values go through `normal` (empty cells, booleans, error values).
   */
  cells(row: readonly unknown[], normal: (v: unknown) => string | number | boolean | null): this {
    let a = this.a;
    let b = this.b;
    for (let k = 0; k < row.length; k++) {
      const v = row[k];
      if (typeof v === "string" && v !== "") {
        a = imul(a ^ TAG_TEXT, LANE_A_PRIME);
        b = imul(b ^ TAG_TEXT, LANE_B_PRIME);
        b = (b << 15) | (b >>> 17);
        const n = v.length;
        a = imul(a ^ n, LANE_A_PRIME);
        b = imul(b ^ n, LANE_B_PRIME);
        b = (b << 15) | (b >>> 17);
        const pairs = n & ~1;
        let i = 0;
        for (; i < pairs; i += 2) {
          const c = v.charCodeAt(i) | (v.charCodeAt(i + 1) << 16);
          a = imul(a ^ c, LANE_A_PRIME);
          b = imul(b ^ c, LANE_B_PRIME);
          b = (b << 15) | (b >>> 17);
        }
        if (i < n) {
          const c = v.charCodeAt(i);
          a = imul(a ^ c, LANE_A_PRIME);
          b = imul(b ^ c, LANE_B_PRIME);
          b = (b << 15) | (b >>> 17);
        }
      } else if (typeof v === "number") {
        float64[0] = v === 0 ? 0 : v;
        const w0 = float64Words[0];
        const w1 = float64Words[1];
        a = imul(a ^ TAG_NUMBER, LANE_A_PRIME);
        b = imul(b ^ TAG_NUMBER, LANE_B_PRIME);
        b = (b << 15) | (b >>> 17);
        a = imul(a ^ w0, LANE_A_PRIME);
        b = imul(b ^ w0, LANE_B_PRIME);
        b = (b << 15) | (b >>> 17);
        a = imul(a ^ w1, LANE_A_PRIME);
        b = imul(b ^ w1, LANE_B_PRIME);
        b = (b << 15) | (b >>> 17);
      } else {
        this.a = a;
        this.b = b;
        this.cell(normal(v));
        a = this.a;
        b = this.b;
      }
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** Feeds a digest made by another CellHash64. */
  digest(d: CellDigest): this {
    return this.unit(d.hi).unit(d.lo);
  }

  /** The digest so far: each lane mixed so every input bit reaches every output bit (a bijection per lane). */
  result(): CellDigest {
    return { hi: this.high() >>> 0, lo: this.low() >>> 0 };
  }

  /**
   * The digest's `hi` half as a signed 32-bit integer (the same 32 bits as `result().hi`, without an object;
   * signed, V8 keeps it as a small integer rather than a boxed number). `digest` accepts either.
   */
  high(): number {
    return avalanche(this.a);
  }

  /** The digest's `lo` half as a signed 32-bit integer (see `high`). */
  low(): number {
    return avalanche(this.b ^ 0x5bd1e995);
  }

  /** The digest as 16 lower-case hex digits. */
  hex(): string {
    const { hi, lo } = this.result();
    return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
  }
}

/** A 64-bit digest as two 32-bit halves (unsigned from `result`, signed from `high` / `low`: the same bits). */
export interface CellDigest {
  readonly hi: number;
  readonly lo: number;
}

/** A bijective 32-bit mixer (xor-shift, multiply, xor-shift, multiply, xor-shift; constants of MurmurHash3's finaliser). */
function avalanche(x: number): number {
  let h = x ^ (x >>> 16);
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

