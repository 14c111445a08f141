/**
 * Telling a file in another encoding from binary data. Arabic text saved by older Windows tools is
 * often in Windows-1256 (the Arabic Windows code page), and Notepad's "Unicode" is UTF-16: both
 * are invalid UTF-8, and a user told "binary file" does not learn what to do. fahras reads UTF-8
 * only; these files are named for what they are, with the command that converts them.
 */

/** How much of a file is sampled to guess its encoding. */
const SAMPLE_BYTES = 64 * 1024
/** Below this many bytes from 0x80 to 0xFF, there is too little to tell. */
const MIN_HIGH_BYTES = 4
/** The share of bytes 0x80–0xFF that must decode to Arabic letters and marks under Windows-1256. */
const MIN_ARABIC_SHARE = 0.7
/** The share of C0 controls (but tab, CR, LF) a text file may hold. */
const MAX_CONTROL_SHARE = 0.01

/** Arabic letters, marks, digits and punctuation of Windows-1256 (U+060C–U+06D2), with ZWNJ, ZWJ, tatweel. */
const ARABIC = /[\u060c-\u06d2\u200c\u200d]/

/**
 * What a buffer that is not UTF-8 most likely is, as a phrase for a message (`Windows-1256, the
 * Arabic Windows code page`), or null when it looks like binary data. UTF-16 is recognized by its
 * byte-order mark; Windows-1256 by its bytes 0x80–0xFF, which must decode mostly to Arabic letters.
 */
export function guessLegacyEncoding(buffer: Uint8Array): string | null {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe)
    return 'UTF-16 LE, as Windows Notepad saves "Unicode": it starts with a byte-order mark'
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff)
    return 'UTF-16 BE: it starts with a byte-order mark'
  const sample = buffer.subarray(0, SAMPLE_BYTES)
  let high = 0
  let controls = 0
  for (const byte of sample) {
    if (byte >= 0x80) high++
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls++
  }
  if (high < MIN_HIGH_BYTES || controls > sample.length * MAX_CONTROL_SHARE) return null
  let text: string
  try {
    text = new TextDecoder('windows-1256').decode(sample)
  } catch {
    return null // a Node built without the legacy encodings (small-icu): no guess
  }
  let arabic = 0
  for (const ch of text) if (ARABIC.test(ch)) arabic++
  return arabic >= high * MIN_ARABIC_SHARE ? 'Windows-1256, the Arabic Windows code page' : null
}

/** The reason a file in a legacy encoding is skipped, with the command that converts it. */
export function notUtf8Reason(encoding: string): string {
  const from = encoding.startsWith('UTF-16') ? 'UTF-16' : 'WINDOWS-1256'
  return `not UTF-8 (looks like ${encoding}): convert it to UTF-8, e.g. with iconv -f ${from} -t UTF-8`
}
