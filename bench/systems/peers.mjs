// The JavaScript peers that fahras is compared with, each at its best documented
// Arabic settings. A system is { name, build(docs), search(queryText, k) -> ids }.
// Every factory returns a fresh, unbuilt system (call it once per set).
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import MiniSearch from 'minisearch'
import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import { stemmer as oramaArabicStemmer } from '@orama/stemmers/arabic'
import { stopwords as oramaArabicStopwords } from '@orama/stopwords/arabic'
import { Document as FlexDocument } from 'flexsearch'

const require = createRequire(import.meta.url)

// Installed version of a package (some packages do not export ./package.json, so
// walk up from the resolved entry point to the package's own package.json).
function versionOf(pkg, entry = pkg) {
  try {
    let dir = dirname(require.resolve(entry))
    for (;;) {
      try {
        const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
        if (meta.name === pkg && meta.version) return meta.version
      } catch {
        // no package.json here: keep walking up
      }
      const up = dirname(dir)
      if (up === dir) return 'unknown'
      dir = up
    }
  } catch {
    return 'unknown'
  }
}

// lunr-languages registers its pipeline functions globally: load it once.
let lunrWithArabic
function loadLunrArabic() {
  if (!lunrWithArabic) {
    const lunr = require('lunr')
    require('lunr-languages/lunr.stemmer.support')(lunr)
    require('lunr-languages/lunr.ar')(lunr)
    lunrWithArabic = lunr
  }
  return lunrWithArabic
}

/** MiniSearch 7.2 defaults: fields title and text, nothing else (OR, no prefix, no fuzzy). */
export function createMiniSearchSystem() {
  let ms
  return {
    name: 'minisearch',
    label: `MiniSearch ${versionOf('minisearch')} defaults`,
    build(docs) {
      ms = new MiniSearch({ fields: ['title', 'text'] })
      ms.addAll(docs)
    },
    search(query, k) {
      return ms
        .search(query)
        .slice(0, k)
        .map((r) => r.id)
    },
  }
}

// Characters with a meaning in lunr's query syntax: field ':', boost '^', edit
// distance '~', wildcard '*', presence '+' / '-', and the escape '\'. They are
// replaced by spaces so that every question runs as a plain OR of its words.
const LUNR_SYNTAX = /[:~^*+\-\\]/g

/** Lunr 2.3.9 with lunr-languages' lunr.ar (trimmer, stop words, stemmer). */
export function createLunrSystem() {
  const lunr = loadLunrArabic()
  let idx
  const sys = {
    name: 'lunr',
    label: `Lunr ${versionOf('lunr')} + lunr-languages ${versionOf('lunr-languages', 'lunr-languages/lunr.ar')} lunr.ar`,
    queryErrors: 0,
    build(docs) {
      idx = lunr(function () {
        this.use(lunr.ar)
        this.ref('id')
        this.field('title')
        this.field('text')
        for (const d of docs) this.add(d)
      })
    },
    search(query, k) {
      const q = query.replace(LUNR_SYNTAX, ' ').trim()
      if (!q) return []
      try {
        return idx
          .search(q)
          .slice(0, k)
          .map((r) => r.ref)
      } catch {
        sys.queryErrors++
        return []
      }
    },
  }
  return sys
}

/** Orama 3.1.18 with its Arabic tokenizer, Arabic stemmer and Arabic stop words. */
export function createOramaSystem() {
  let db
  return {
    name: 'orama',
    label: `Orama ${versionOf('@orama/orama')}, Arabic stemmer + stop words`,
    async build(docs) {
      db = create({
        schema: { title: 'string', text: 'string' },
        components: {
          tokenizer: {
            language: 'arabic',
            stemming: true,
            stemmer: oramaArabicStemmer,
            stopWords: oramaArabicStopwords,
          },
        },
      })
      await insertMultiple(
        db,
        docs.map((d) => ({ id: d.id, title: d.title, text: d.text })),
      )
    },
    async search(query, k) {
      // Default properties (all string fields) and default threshold (any term matches).
      const res = await oramaSearch(db, { term: query, limit: k })
      return res.hits.map((h) => h.id)
    },
  }
}

/**
 * FlexSearch 0.8 Document index over title and text (default encoder and tokenizer),
 * searched with suggest: true. FlexSearch returns one ranked list per field and no
 * scores; the lists are merged the way its own `merge: true` option does it (fields in
 * index order, title then text, each id kept at its first appearance), which gives
 * the same ranking as passing `merge: true`.
 */
export function createFlexSearchSystem() {
  let index
  return {
    name: 'flexsearch',
    label: `FlexSearch ${versionOf('flexsearch')} Document, suggest: true`,
    build(docs) {
      index = new FlexDocument({ document: { id: 'id', index: ['title', 'text'] } })
      for (const d of docs) index.add(d)
    },
    async search(query, k) {
      const perField = await index.search(query, { limit: k, suggest: true })
      const seen = new Set()
      const out = []
      for (const { result } of perField) {
        for (const entry of result) {
          const id = typeof entry === 'object' ? entry.id : entry
          if (seen.has(id)) continue
          seen.add(id)
          out.push(String(id))
        }
      }
      return out.slice(0, k)
    },
  }
}

/** name -> factory, in the order the table prints them. */
export const PEERS = {
  minisearch: createMiniSearchSystem,
  lunr: createLunrSystem,
  orama: createOramaSystem,
  flexsearch: createFlexSearchSystem,
}
