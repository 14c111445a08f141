// Regenerates corpus/articles.jsonl, the sample corpus the command line and the README search,
// from the read-only shared data at ../shared (beside the repository root). Deterministic: the
// same inputs give the same file byte for byte. Node's standard library only.
//
// Usage: node corpus/build.mjs
//
// Sources (licences and attribution in corpus/README.md):
//   1. ../shared/seed/000_d647934a0683ee08.txt     Jidar News article, 11 August 2023
//   2. ../shared/data/arwiki-cwc/docs.jsonl.gz     Arabic Wikipedia (2017-01-20 dump), CC BY-SA 4.0
//   3. ../shared/data/arcd-train/docs.jsonl        ARCD paragraphs of Arabic Wikipedia, CC BY-SA
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

const SHARED = new URL('../../shared/', import.meta.url)
const OUT = new URL('./articles.jsonl', import.meta.url)

/** Longest article kept whole, in UTF-8 bytes of text. */
const MAX_TEXT_BYTES = 20_000
/** Longer articles (and pinned parts) keep their leading paragraphs up to this many bytes. */
const LEAD_BYTES = 8_000
/** Shortest Wikipedia article taken by keyword or sample, in whitespace-separated words. */
const MIN_WORDS = 80
/** Keyword matches taken per keyword. */
const PER_KEYWORD = 6
/** The deterministic sample stops when the whole file reaches this size... */
const TARGET_BYTES = 2_500_000
/** ...or when it holds this many Wikipedia articles. */
const MAX_WIKI_DOCS = 560
/** ARCD paragraphs taken (one per article title not already in the corpus). */
const ARCD_PARAGRAPHS = 40
/** Salt of the hash that orders the sample: change it to draw a different sample. */
const SAMPLE_SALT = 'fahras-corpus-v1'
/** Date of the Wikipedia dump the arwiki-cwc text comes from. */
const ARWIKI_DUMP_DATE = '2017-01-20'

const SOURCE_SEED = 'Jidar News (جدار نيوز)'
const SOURCE_ARWIKI = 'Arabic Wikipedia'
const SOURCE_ARCD = 'ARCD (Arabic Wikipedia)'

/**
 * Articles always included, by exact title, grouped by theme. Split articles are joined back;
 * anything over MAX_TEXT_BYTES keeps its lead paragraphs only.
 */
const PINNED_TITLES = [
  // Countries and cities of the Arab world
  'العراق', 'بغداد', 'البصرة', 'الموصل', 'أربيل', 'كربلاء', 'النجف',
  'مصر', 'القاهرة', 'الإسكندرية', 'أسوان', 'الأقصر',
  'سوريا', 'دمشق', 'حلب', 'لبنان', 'بيروت', 'الأردن', 'عمان (مدينة)', 'فلسطين', 'القدس',
  'السعودية', 'الرياض', 'مكة', 'المدينة المنورة', 'جدة', 'الكويت', 'الإمارات العربية المتحدة',
  'دبي', 'أبوظبي', 'قطر', 'الدوحة', 'البحرين', 'المنامة', 'سلطنة عمان', 'اليمن', 'صنعاء',
  'تونس', 'الجزائر', 'المغرب', 'الرباط', 'الدار البيضاء', 'ليبيا', 'السودان', 'الخرطوم',
  'موريتانيا', 'جيبوتي', 'الصومال', 'جزر القمر', 'جامعة الدول العربية',
  // Geography
  'نهر النيل', 'البحر الأبيض المتوسط', 'البحر الأحمر', 'الخليج العربي', 'قناة السويس', 'السد العالي',
  // Islam and the Quran
  'القرآن الكريم', 'محمد', 'سورة الفاتحة', 'آية مدنية', 'الصلاة في الإسلام', 'الصوم في الإسلام',
  'صلاة العيدين', 'عيد الفطر', 'عيد الأضحى', 'أركان الحج', 'عدة (إسلام)', 'المحرم (شهر)',
  'المسجد الحرام', 'المسجد الأقصى', 'الجامع الأزهر', 'أبو بكر الصديق', 'عمر بن الخطاب',
  'عثمان بن عفان', 'علي بن أبي طالب', 'أهل السنة والجماعة', 'الشيعة', 'أهل الكتاب', 'الكتاب المقدس',
  // History
  'الدولة العباسية', 'الدولة العثمانية', 'الدولة الفاطمية', 'الأندلس', 'صلاح الدين الأيوبي',
  'سقوط بغداد (1258)', 'الفتح الإسلامي لمصر', 'مصر القديمة', 'الحرب العالمية الأولى',
  'الحرب العالمية الثانية', 'جمال عبد الناصر', 'حرب أكتوبر', 'الربيع العربي', 'ثورة 25 يناير',
  // Science and scholars
  'ابن سينا', 'ابن خلدون', 'ابن رشد', 'ابن الهيثم', 'محمد بن موسى الخوارزمي', 'علم الفلك',
  'علم الأحياء', 'جيولوجيا', 'فلسفة', 'الشمس', 'القمر', 'الأرض', 'المريخ',
  // Literature, language and music
  'نجيب محفوظ', 'طه حسين', 'أحمد شوقي', 'جبران خليل جبران', 'نزار قباني', 'ألف ليلة وليلة',
  'الأطلال', 'في الشعر الجاهلي (كتاب)', 'عبد الله بن المقفع', 'اللغة العربية المعيارية الحديثة',
  'أم كلثوم (مطربة)', 'عبد الحليم حافظ',
  // Sport
  'كرة القدم', 'كأس العالم لكرة القدم', 'الألعاب الأولمبية', 'النادي الأهلي (مصر)', 'نادي الزمالك',
  'منتخب مصر لكرة القدم', 'محمد صلاح',
  // Technology
  'حاسوب', 'علم الحاسوب', 'إنترنت', 'برمجة', 'لغة برمجة', 'ذكاء اصطناعي', 'جوجل', 'يوتيوب',
  'تويتر', 'ويكيبيديا',
]

/**
 * Passages of split articles taken for what they show, not for the article's lead: part 2 of
 * نقاب quotes Quran 24:31 in Quranic spelling (ٱ, dagger alef), which the corpus otherwise lacks.
 * The passage starts at the paragraph before the first match of `from`.
 */
const PINNED_PASSAGES = [{ id: 'arwiki-81294-2', from: /\u0671/ }]

/** Title patterns: up to PER_KEYWORD whole articles each, in sample order. */
const TITLE_KEYWORDS = [
  /^سورة /, /^(مسجد|جامع) /, /^معركة /, /^(حرب|الحرب) /, /محافظة/, /^جامعة /, /^لغة /, /^نادي /,
  /^منتخب /, /^ملعب /, /^كأس /, /^علم /, /^تاريخ /, /\(شاعر\)/, /\(رواية\)/, /\(فيلم\)/, /^نهر /,
  /^جزيرة /, /\(مدينة\)/,
]

// ---------------------------------------------------------------------------------------------

const bytes = (s) => Buffer.byteLength(s, 'utf8')
const words = (s) => s.split(/\s+/).filter(Boolean).length
const sampleKey = (id) => createHash('sha256').update(`${SAMPLE_SALT}:${id}`).digest('hex')
const titleUrl = (title) => `https://ar.wikipedia.org/wiki/${encodeURI(title.replace(/ /g, '_'))}`

/** Trims every line and drops empty ones (including lines of only no-break spaces). */
function cleanLines(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/**
 * Keeps whole paragraphs while the text stays within `max` UTF-8 bytes. If even the first
 * paragraph is too long, cuts it at the last sentence end (else the last space) that fits.
 */
function capParagraphs(paragraphs, max) {
  const kept = []
  let size = 0
  for (const p of paragraphs) {
    const add = bytes(p) + (kept.length ? 1 : 0)
    if (size + add > max) break
    kept.push(p)
    size += add
  }
  if (kept.length === paragraphs.length) return { text: kept.join('\n'), truncated: false }
  if (kept.length) return { text: kept.join('\n'), truncated: true }
  let head = paragraphs[0]
  while (bytes(head) > max) head = head.slice(0, Math.floor(head.length * 0.9))
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('، '))
  const cut = sentence > head.length / 2 ? sentence + 1 : head.lastIndexOf(' ')
  return { text: head.slice(0, cut).trim(), truncated: true }
}

/** Text markers of conversion leftovers that make poor demo text. */
const hasLeftovers = (text) => /formula_\d|codice_\d|<\/?[a-zA-Z][^>]*>/.test(text)

// ---------------------------------------------------------------------------------------------
// 1. The seed article

function seedArticle() {
  const raw = readFileSync(new URL('seed/000_d647934a0683ee08.txt', SHARED), 'utf8')
  const lines = cleanLines(raw)
  const title = lines[0]
  let body = lines.slice(1)
  while (body.length && body[0] === title) body = body.slice(1) // the repeated title line
  const related = body.indexOf('مقالات ذات صلة') // site footer: related links, "back to top"
  if (related >= 0) body = body.slice(0, related)
  return {
    id: 'jidar-2023-08-11-iraq-us',
    title,
    text: body.join('\n'),
    url: '',
    date: '2023-08-11',
    source: SOURCE_SEED,
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Arabic Wikipedia (arwiki-cwc)

function readArwiki() {
  const dir = new URL('data/arwiki-cwc/', SHARED)
  const meta = new Map()
  const metaLines = gunzipSync(readFileSync(new URL('meta.tsv.gz', dir))).toString('utf8').split('\n')
  for (const line of metaLines.slice(1)) {
    if (!line) continue
    const [id, curid, part, parts, url] = line.split('\t')
    meta.set(id, { curid, part: Number(part), parts: Number(parts), url })
  }
  const docs = []
  const lines = gunzipSync(readFileSync(new URL('docs.jsonl.gz', dir))).toString('utf8').split('\n')
  for (const line of lines) {
    if (!line.trim()) continue
    const doc = JSON.parse(line)
    const m = meta.get(doc.id)
    if (!m) throw new Error(`build: ${doc.id} has no row in meta.tsv`)
    docs.push({ ...doc, ...m })
  }
  return docs
}

function arwikiDocs(docs, stats) {
  const byCurid = new Map()
  for (const d of docs) {
    if (!byCurid.has(d.curid)) byCurid.set(d.curid, [])
    byCurid.get(d.curid).push(d)
  }
  for (const parts of byCurid.values()) parts.sort((a, b) => a.part - b.part)
  const byTitle = new Map()
  for (const [curid, parts] of byCurid) {
    if (byTitle.has(parts[0].title)) throw new Error(`build: two articles titled ${parts[0].title}`)
    byTitle.set(parts[0].title, curid)
  }

  const out = []
  const taken = new Set() // curids
  const add = (parts, id, reason, from) => {
    const head = parts[0]
    let paragraphs = cleanLines(parts.map((p) => p.text).join('\n'))
    if (from) paragraphs = paragraphs.slice(Math.max(0, paragraphs.findIndex((p) => from.test(p)) - 1))
    const whole = !from && bytes(paragraphs.join('\n')) <= MAX_TEXT_BYTES
    const { text, truncated } = whole ? { text: paragraphs.join('\n'), truncated: false } : capParagraphs(paragraphs, LEAD_BYTES)
    if (truncated) stats.truncated.push({ id, title: head.title, from: bytes(paragraphs.join('\n')), to: bytes(text) })
    out.push({
      id,
      title: head.title,
      text,
      url: head.url || titleUrl(head.title),
      date: ARWIKI_DUMP_DATE,
      source: SOURCE_ARWIKI,
    })
    taken.add(head.curid)
    stats.reasons[reason] = (stats.reasons[reason] ?? 0) + 1
  }

  // Pinned titles, whole or lead-only.
  for (const title of PINNED_TITLES) {
    const curid = byTitle.get(title)
    if (!curid) throw new Error(`build: pinned title not found: ${title}`)
    if (taken.has(curid)) throw new Error(`build: pinned title listed twice: ${title}`)
    add(byCurid.get(curid), `arwiki-${curid}`, 'pinned title')
  }
  // Pinned passages of split articles.
  for (const { id, from } of PINNED_PASSAGES) {
    const part = docs.find((d) => d.id === id)
    if (!part) throw new Error(`build: pinned passage not found: ${id}`)
    if (taken.has(part.curid)) throw new Error(`build: pinned passage of an article already taken: ${id}`)
    if (!part.text.split('\n').some((p) => from.test(p))) throw new Error(`build: ${id} has no ${from}`)
    add([part], id, 'pinned passage', from)
  }

  // Candidates for keywords and sample: whole articles (one part), short enough to keep whole,
  // long enough to read, no conversion leftovers, no list pages.
  const candidates = []
  for (const [curid, parts] of byCurid) {
    if (taken.has(curid) || parts.length !== 1) continue
    const d = parts[0]
    const text = cleanLines(d.text).join('\n')
    if (bytes(text) > MAX_TEXT_BYTES || words(text) < MIN_WORDS) continue
    if (hasLeftovers(text) || d.title.startsWith('قائمة')) continue
    candidates.push({ curid, parts, key: sampleKey(d.id) })
  }
  candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))

  for (const keyword of TITLE_KEYWORDS) {
    let n = 0
    for (const c of candidates) {
      if (n >= PER_KEYWORD) break
      if (taken.has(c.curid) || !keyword.test(c.parts[0].title)) continue
      add(c.parts, `arwiki-${c.curid}`, 'title keyword')
      n++
    }
  }
  return { out, candidates, taken, add }
}

// ---------------------------------------------------------------------------------------------
// 3. ARCD paragraphs (Arabic Wikipedia text)

function arcdDocs(titlesTaken) {
  const lines = readFileSync(new URL('data/arcd-train/docs.jsonl', SHARED), 'utf8').split('\n')
  const firstByTitle = new Map()
  for (const line of lines) {
    if (!line.trim()) continue
    const d = JSON.parse(line)
    if (titlesTaken.has(d.title) || firstByTitle.has(d.title) || d.title.startsWith('قائمة')) continue
    firstByTitle.set(d.title, d)
  }
  return [...firstByTitle.values()]
    .filter((d) => !hasLeftovers(d.text))
    .map((d) => ({ d, key: sampleKey(d.id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, ARCD_PARAGRAPHS)
    .map(({ d }) => ({
      id: d.id,
      title: d.title,
      text: cleanLines(d.text).join('\n'),
      url: titleUrl(d.title),
      date: '',
      source: SOURCE_ARCD,
    }))
}

// ---------------------------------------------------------------------------------------------

const line = (doc) =>
  JSON.stringify({ id: doc.id, title: doc.title, text: doc.text, url: doc.url, date: doc.date, source: doc.source })

const stats = { truncated: [], reasons: {} }
const seed = seedArticle()
const wiki = arwikiDocs(readArwiki(), stats)
const arcd = arcdDocs(new Set(wiki.out.map((d) => d.title)))

// Fill with the deterministic sample until the file reaches TARGET_BYTES.
let size = [seed, ...wiki.out, ...arcd].reduce((n, d) => n + bytes(line(d)) + 1, 0)
for (const c of wiki.candidates) {
  if (size >= TARGET_BYTES || wiki.out.length >= MAX_WIKI_DOCS) break
  if (wiki.taken.has(c.curid)) continue
  wiki.add(c.parts, `arwiki-${c.curid}`, 'sample')
  size += bytes(line(wiki.out[wiki.out.length - 1])) + 1
}

const all = [seed, ...wiki.out, ...arcd]
const content = all.map(line).join('\n') + '\n'
writeFileSync(OUT, content)

// ---------------------------------------------------------------------------------------------
// Validation: every line parses, has the six fields as strings, ids are unique, title and text
// are not empty, the file is a few MB.

const problems = []
const ids = new Set()
const perSource = {}
const written = readFileSync(OUT, 'utf8').split('\n').filter(Boolean)
for (const [i, raw] of written.entries()) {
  let doc
  try {
    doc = JSON.parse(raw)
  } catch (error) {
    problems.push(`line ${i + 1}: ${error.message}`)
    continue
  }
  for (const field of ['id', 'title', 'text', 'url', 'date', 'source']) {
    if (typeof doc[field] !== 'string') problems.push(`line ${i + 1}: ${field} is not a string`)
  }
  if (ids.has(doc.id)) problems.push(`line ${i + 1}: duplicate id ${doc.id}`)
  ids.add(doc.id)
  if (!doc.title?.trim()) problems.push(`line ${i + 1}: empty title`)
  if (!doc.text?.trim()) problems.push(`line ${i + 1}: empty text`)
  if (bytes(doc.text ?? '') > MAX_TEXT_BYTES) problems.push(`line ${i + 1}: text over ${MAX_TEXT_BYTES} bytes`)
  perSource[doc.source] ??= { docs: 0, bytes: 0 }
  perSource[doc.source].docs++
  perSource[doc.source].bytes += bytes(raw) + 1
}
const total = bytes(content)
if (total < 1_000_000 || total > 3_500_000) problems.push(`file size ${total} bytes is outside 1–3.5 MB`)
for (const must of ['الاستراتيجية', 'بغداد', 'القرآن', 'الكتاب', '\u0671', '\u0670']) {
  if (!content.includes(must)) problems.push(`the corpus never contains ${must}`)
}

console.log(`corpus/articles.jsonl: ${written.length} documents, ${total} bytes`)
for (const [source, s] of Object.entries(perSource)) console.log(`  ${source}: ${s.docs} documents, ${s.bytes} bytes`)
console.log(`  Arabic Wikipedia by reason: ${JSON.stringify(stats.reasons)}`)
console.log(`  over ${MAX_TEXT_BYTES} bytes, cut to a lead of <= ${LEAD_BYTES} bytes at a paragraph end: ${stats.truncated.length}`)
if (process.argv.includes('--verbose')) {
  for (const t of stats.truncated) console.log(`    ${t.id} ${t.title}: ${t.from} -> ${t.to} bytes`)
}
console.log(`sha256 ${createHash('sha256').update(content).digest('hex')}`)
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}
