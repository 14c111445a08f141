// The texts of the parity checks (tests/parity.test.ts, bench/parity-wide.ts): the Arabic lines of
// the bundled corpus, the Quran as written and in NFC, and the edge cases.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

const ARABIC_LETTER = /[\u0621-\u064A]/
/** Does a line hold an Arabic letter (U+0621–U+064A)? */
export const hasArabicLetter = (line: string) => ARABIC_LETTER.test(line)

export type Group = 'corpus' | 'quran' | 'edge'
export interface Case {
  readonly group: Group
  /** Where the text comes from: document id and field line, chapter:verse, or file line. */
  readonly where: string
  readonly text: string
}

/** Every non-empty line with an Arabic letter of the titles and texts of corpus/articles.jsonl. */
export function corpusCases(): Case[] {
  const cases: Case[] = []
  const records = readFileSync(join(root, 'corpus', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
  for (const record of records) {
    const doc = JSON.parse(record) as { id: string; title: string; text: string }
    for (const field of ['title', 'text'] as const) {
      doc[field].split('\n').forEach((text, i) => {
        if (hasArabicLetter(text)) cases.push({ group: 'corpus', where: `${doc.id} ${field} line ${i + 1}`, text })
      })
    }
  }
  return cases
}

/**
 * Every verse of quran-json's Uthmani text, and again in Unicode's canonical order (NFC) where
 * that differs: quran-json writes a hamza before its vowel, NFC after it, and other texts do.
 */
export function quranCases(): Case[] {
  const file = createRequire(import.meta.url).resolve('quran-json/dist/quran.json')
  const chapters = JSON.parse(readFileSync(file, 'utf8')) as { id: number; verses: { id: number; text: string }[] }[]
  return chapters.flatMap((c) =>
    c.verses.flatMap((v): Case[] => {
      const nfc = v.text.normalize('NFC')
      const verse: Case = { group: 'quran', where: `${c.id}:${v.id}`, text: v.text }
      return nfc === v.text ? [verse] : [verse, { group: 'quran', where: `${c.id}:${v.id} (NFC)`, text: nfc }]
    }),
  )
}

/** tests/parity/edge-cases.txt: one text a line; lines starting with # are comments. */
export function edgeCases(): Case[] {
  const lines = readFileSync(join(root, 'tests', 'parity', 'edge-cases.txt'), 'utf8').split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.flatMap((text, i) =>
    text.startsWith('#') ? [] : [{ group: 'edge' as const, where: `edge-cases.txt:${i + 1}`, text }],
  )
}
