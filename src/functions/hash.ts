/**
 * FNV-1a, 64-bit (Fowler, Noll, Vo; the variant that XORs each byte in before multiplying), over the UTF-8
 * bytes of a text. Model handles are this hash of the model content, so the same content gives the same
 * handle in every session without any shared state.
 *
 * JavaScript numbers hold 53 bits, so the 64-bit state lives in four 16-bit limbs: every partial product
 * stays below 2^33 and the arithmetic is exact. The FNV prime 2^40 + 0x1b3 has only two non-zero limbs
 * (0x01b3 at limb 0 and 0x0100 at limb 2), which keeps the multiplication to a few lines.
 */

const encoder = new TextEncoder();

/**
 * Returns the FNV-1a 64 hash of `text` as 16 lower-case hex digits.
 *
 * @example fnv1a64("")       // "cbf29ce484222325" (the offset basis)
 * @example fnv1a64("foobar") // "85944171f73967e8"
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    const r0 = h0 * 0x01b3;
    const r1 = h1 * 0x01b3 + (r0 >>> 16);
    const r2 = h2 * 0x01b3 + h0 * 0x0100 + Math.floor(r1 / 65536);
    const r3 = h3 * 0x01b3 + h1 * 0x0100 + Math.floor(r2 / 65536);
    h0 = r0 & 0xffff;
    h1 = r1 % 65536;
    h2 = r2 % 65536;
    h3 = r3 % 65536;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}
