// The JavaScript peers of the speed benchmark, with the same settings as the quality benchmark
// (bench/systems/peers.mjs), plus what the speed benchmark needs that the quality one does not:
// saving the index to a string and loading it back. The quality factories keep their index in a
// closure, so the settings are repeated here; keep the two files in step.
//
// A speed system is:
//   { name, label, build(docs), search(query, k) -> ids, save() -> string,
//     load(json), saveFormat, stats?() }
// build, search and load may return promises. load() replaces the built index with the loaded one.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import MiniSearch from 'minisearch'
import { create, insertMultiple, search as oramaSearch, save as oramaSave, load as oramaLoad } from '@orama/orama'
import { stemmer as oramaArabicStemmer } from '@orama/stemmers/arabic'
import { stopwords as oramaArabicStopwords } from '@orama/stopwords/arabic'
import { Document as FlexDocument } from 'flexsearch'

const require = createRequire(import.meta.url)

/** Installed version of a package (walks up from its entry point to its own package.json). */
export function versionOf(pkg, entry = pkg) {
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

/** Distinct index terms and postings (term × field × document) of a MiniSearch toJSON() object. */
export function miniSearchTermStats(js, isSurface = () => false) {
  let terms = 0
  let surfaceTerms = 0
  let postings = 0
  let surfacePostings = 0
  for (const [term, data] of js.index) {
    const surface = isSurface(term)
    let n = 0
    for (const field of Object.keys(data)) n += Object.keys(data[field]).length
    terms++
    postings += n
    if (surface) {
      surfaceTerms++
      surfacePostings += n
    }
  }
  return { terms, surfaceTerms, postings, surfacePostings }
}

// ---------------------------------------------------------------------------------- MiniSearch

const MINISEARCH_OPTIONS = { fields: ['title', 'text'], storeFields: ['title'] }

/** MiniSearch 7.2 defaults: fields title and text, title stored (OR, no prefix, no fuzzy). */
export function createMiniSearchSpeed() {
  let ms
  return {
    name: 'minisearch',
    label: `MiniSearch ${versionOf('minisearch')} defaults`,
    saveFormat: 'JSON.stringify(miniSearch)',
    loadFormat: 'MiniSearch.loadJSON(json, options)',
    build(docs) {
      ms = new MiniSearch(MINISEARCH_OPTIONS)
      ms.addAll(docs)
    },
    search(query, k) {
      return ms.search(query).slice(0, k)
    },
    save() {
      return JSON.stringify(ms)
    },
    load(json) {
      ms = MiniSearch.loadJSON(json, MINISEARCH_OPTIONS)
    },
    stats() {
      return miniSearchTermStats(ms.toJSON())
    },
    /**
     * The JSON this index would save if it stored title and text (storeFields: ['title', 'text']):
     * its own toJSON() with each stored-fields object replaced by { title, text } of the document,
     * as MiniSearch's saveStoredFields builds it (fields in storeFields order, undefined skipped).
     * The same bytes as building a second MiniSearch with both fields stored, without the build.
     */
    saveWithTextStored(docById) {
      const js = ms.toJSON()
      const storedFields = {}
      for (const shortId of Object.keys(js.storedFields)) {
        const doc = docById.get(js.documentIds[shortId])
        const fields = {}
        for (const field of ['title', 'text']) if (doc?.[field] !== undefined) fields[field] = doc[field]
        storedFields[shortId] = fields
      }
      return JSON.stringify({ ...js, storedFields })
    },
    drop() {
      ms = undefined
    },
  }
}

// ---------------------------------------------------------------------------------------- Lunr

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

// Characters of lunr's query syntax, replaced by spaces as in peers.mjs (plain OR of the words).
const LUNR_SYNTAX = /[:~^*+\-\\]/g

/** Lunr 2.3.9 with lunr-languages' lunr.ar (trimmer, stop words, stemmer). */
export function createLunrSpeed() {
  const lunr = loadLunrArabic()
  let idx
  const sys = {
    name: 'lunr',
    label: `Lunr ${versionOf('lunr')} + lunr.ar`,
    saveFormat: 'JSON.stringify(idx)',
    loadFormat: 'lunr.Index.load(JSON.parse(json))',
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
        return idx.search(q).slice(0, k)
      } catch {
        sys.queryErrors++
        return []
      }
    },
    save() {
      return JSON.stringify(idx)
    },
    load(json) {
      idx = lunr.Index.load(JSON.parse(json))
    },
    ids(results) {
      return results.map((r) => r.ref)
    },
    drop() {
      idx = undefined
    },
  }
  return sys
}

// --------------------------------------------------------------------------------------- Orama

function createOramaDb() {
  return create({
    schema: { title: 'string', text: 'string' },
    components: {
      tokenizer: { language: 'arabic', stemming: true, stemmer: oramaArabicStemmer, stopWords: oramaArabicStopwords },
    },
  })
}

/** Orama 3.1 with its Arabic tokenizer, Arabic stemmer and Arabic stop words. */
export function createOramaSpeed() {
  let db
  return {
    name: 'orama',
    label: `Orama ${versionOf('@orama/orama')}, Arabic stemmer + stop words`,
    saveFormat: 'JSON.stringify(save(db))',
    loadFormat: 'load(create(same schema), JSON.parse(json))',
    async build(docs) {
      db = createOramaDb()
      await insertMultiple(
        db,
        docs.map((d) => ({ id: d.id, title: d.title, text: d.text })),
      )
    },
    search(query, k) {
      // Default properties (all string fields), default threshold (any term matches).
      const res = oramaSearch(db, { term: query, limit: k })
      return typeof res?.then === 'function' ? res.then((r) => r.hits) : res.hits
    },
    save() {
      return JSON.stringify(oramaSave(db))
    },
    async load(json) {
      const fresh = createOramaDb()
      await oramaLoad(fresh, JSON.parse(json))
      db = fresh
    },
    drop() {
      db = undefined
    },
  }
}

// ---------------------------------------------------------------------------------- FlexSearch

const FLEX_OPTIONS = { document: { id: 'id', index: ['title', 'text'] } }

/**
 * FlexSearch 0.8 Document index over title and text, searched with suggest: true; per-field
 * lists merged as in peers.mjs. Saved with its export API: export(handler) calls handler(key,
 * data) once per part; the parts are collected into one JSON object { key: data } (what an
 * application would write to one file), and loaded back with import(key, data) for each part.
 */
export function createFlexSearchSpeed() {
  let index
  return {
    name: 'flexsearch',
    label: `FlexSearch ${versionOf('flexsearch')} Document, suggest: true`,
    saveFormat: 'export(handler) parts collected into JSON.stringify({ key: data })',
    loadFormat: 'new Document(same options).import(key, data) for each part',
    build(docs) {
      index = new FlexDocument(FLEX_OPTIONS)
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
    async save() {
      const parts = {}
      await index.export((key, data) => {
        parts[key] = data
      })
      return JSON.stringify(parts)
    },
    load(json) {
      const parts = JSON.parse(json)
      const fresh = new FlexDocument(FLEX_OPTIONS)
      for (const key of Object.keys(parts)) fresh.import(key, parts[key])
      index = fresh
    },
    ids(results) {
      return results
    },
    drop() {
      index = undefined
    },
  }
}

/** name -> factory, in the order the table prints them (after fahras). */
export const SPEED_PEERS = {
  minisearch: createMiniSearchSpeed,
  lunr: createLunrSpeed,
  orama: createOramaSpeed,
  flexsearch: createFlexSearchSpeed,
}
