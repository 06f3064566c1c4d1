// Text from a scenario file reaches the terminal, so it must not be able to drive it: no escape sequences, no
// control characters, no bidi overrides that make a line read differently from what it says.
/* eslint-disable no-control-regex -- matching control characters is the point of this file */

/** OSC, DCS, SOS, PM and APC strings with their terminator (7-bit ESC form or 8-bit C1 form), payload included. */
const ESC_STRING = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)/g;
/** CSI sequences: ESC [ or the C1 CSI, parameters, intermediates and the final byte (colours, cursor moves, …). */
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
/** Any other escape sequence: ESC, intermediate bytes, one final byte (ESC c, ESC ( B, ESC 7, …). */
const ESC_OTHER = /\x1b[\x20-\x2f]*[\x30-\x7e]/g;
/** What is left: C0 controls except the newline (tab and CR are handled first), DEL, C1 controls, bidi controls. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const DIRTY = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/**
 * Makes a string safe to print: removes escape sequences (whole, with their parameters and payload), C0 and C1
 * control characters and the bidi embedding/override/isolate characters (U+202A–U+202E, U+2066–U+2069).
 * Keeps "\n", turns "\t" into a space and drops "\r".
 */
export function cleanText(s: string): string {
  // Fast path: almost every string is already clean.
  if (!DIRTY.test(s)) return s;
  return s.replace(ESC_STRING, '').replace(CSI, '').replace(ESC_OTHER, '').replace(/\t/g, ' ').replace(CONTROL, '');
}

/** A web address a reader can open and a report can link: http or https, nothing that could close a link. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^\s<>`"]+$/i.test(url);
}
