/**
 * Numbers for the distinct words of a text, found without making a string of each word: a word
 * is hashed and compared where it stands in the normalized text (open addressing over UTF-16
 * code units). `packDocuments` meets each word of a corpus once as a string, then only as a
 * number. @internal
 */

/** FNV-1a over UTF-16 code units. */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A table from words to numbers 0, 1, 2… in the order first met. */
export class WordTable {
  /** Slot → word number + 1 (0: empty). */
  #slots = new Int32Array(1 << 16)
  /** Per word number: where its code units start in `#chars`, and its hash. */
  #start = new Int32Array(1024)
  #hashes = new Uint32Array(1024)
  #chars = new Uint16Array(1 << 16)
  #used = 0
  size = 0

  /**
   * The number of the word `text[start, end)`, or -1 when it is not in the table yet; with
   * `add`, a new word gets the next number (`size - 1` after the call).
   */
  find(text: string, start: number, end: number, add: boolean): number {
    const h = hash(text, start, end)
    const mask = this.#slots.length - 1
    const length = end - start
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!
      if (entry === 0) break
      const w = entry - 1
      if (this.#hashes[w] !== h) continue
      const at = this.#start[w]!
      if (this.#start[w + 1]! - at !== length) continue
      let k = 0
      while (k < length && this.#chars[at + k] === text.charCodeAt(start + k)) k++
      if (k === length) return w
    }
    if (!add) return -1
    return this.#insert(text, start, end, h)
  }

  #insert(text: string, start: number, end: number, h: number): number {
    const w = this.size++
    const length = end - start
    if (w + 2 > this.#start.length) {
      const starts = new Int32Array(this.#start.length * 2)
      starts.set(this.#start)
      this.#start = starts
      const hashes = new Uint32Array(this.#hashes.length * 2)
      hashes.set(this.#hashes)
      this.#hashes = hashes
    }
    if (this.#used + length > this.#chars.length) {
      let size = this.#chars.length * 2
      while (size < this.#used + length) size *= 2
      const chars = new Uint16Array(size)
      chars.set(this.#chars)
      this.#chars = chars
    }
    for (let k = 0; k < length; k++) this.#chars[this.#used + k] = text.charCodeAt(start + k)
    this.#start[w] = this.#used
    this.#used += length
    this.#start[w + 1] = this.#used
    this.#hashes[w] = h
    // at most half full
    if (this.size * 2 > this.#slots.length) this.#rehash()
    else this.#place(w)
    return w
  }

  #place(w: number): void {
    const mask = this.#slots.length - 1
    let slot = this.#hashes[w]! & mask
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask
    this.#slots[slot] = w + 1
  }

  #rehash(): void {
    this.#slots = new Int32Array(this.#slots.length * 2)
    for (let w = 0; w < this.size; w++) this.#place(w)
  }
}
