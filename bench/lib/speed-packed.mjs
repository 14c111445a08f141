// The packed-index rows of the speed benchmark (issue 12): built with packDocuments straight from
// the documents (no MiniSearch), searched through PackedIndex.load over the bytes, saved as those
// bytes and loaded back from a copy of them held in memory (what reading the file gives).
//
//   fahras-packed          title and text stored in the packed bytes
//   fahras-packed-gettext  title stored, the text handed back by getText (the benchmark's Map)
//
// Same settings as the ArabicSearch rows (fields title and text, defaults otherwise), same
// search calls: limit 10, default search options (snippets on), and again with snippets: false.

/**
 * A speed system (see bench/systems/speed-peers.mjs) over fahras's packed index.
 * `fahras` is the built package (dist/index.js); `byId` maps an id to its document.
 */
export function createPackedSystem({ name, label, getText, fahras, byId }) {
  const { packDocuments, PackedIndex } = fahras
  const text = getText ? (id, field) => byId.get(id)?.[field] : undefined
  const options = getText
    ? { fields: ['title', 'text'], storeFields: ['title'] }
    : { fields: ['title', 'text'], storeFields: ['title', 'text'] }
  const loadOptions = getText ? { getText: text } : undefined
  let bytes
  let index
  return {
    name,
    label,
    fahras: true,
    packed: true,
    options: getText
      ? "packDocuments(docs, { fields: ['title', 'text'], storeFields: ['title'] })"
      : "packDocuments(docs, { fields: ['title', 'text'], storeFields: ['title', 'text'] })",
    saveFormat: 'the packed bytes (a copy of the Uint8Array packDocuments returned)',
    loadFormat: getText ? 'PackedIndex.load(bytes, { getText })' : 'PackedIndex.load(bytes)',
    // timed: packDocuments only
    build(all) {
      index = undefined
      bytes = packDocuments(all, options)
    },
    // untimed, before the heap is read: open the bytes to search them
    afterBuild() {
      index = PackedIndex.load(bytes, loadOptions)
    },
    search(query, k) {
      return index.search(query, { limit: k })
    },
    searchWithoutSnippets(query, k) {
      return index.search(query, { limit: k, snippets: false })
    },
    save() {
      return bytes.slice()
    },
    load(saved) {
      bytes = undefined
      index = PackedIndex.load(saved, loadOptions)
    },
    drop() {
      index = undefined
      bytes = undefined
    },
  }
}
