// Checks that the speed benchmark's MiniSearch "title and text stored" size (speed-peers.mjs,
// saveWithTextStored: its JSON with the stored fields filled in, no second build) is the very
// JSON a MiniSearch built with storeFields ['title', 'text'] saves.
//   node bench/lib/speed-check-stored.mjs [N documents of arwiki-cwc, default 1500]
import MiniSearch from 'minisearch'
import { DEFAULT_CORPUS, readCorpora } from './corpus.mjs'
import { createMiniSearchSpeed } from '../systems/speed-peers.mjs'

const { docs } = await readCorpora([DEFAULT_CORPUS], Number(process.argv[2] ?? 1500))
const byId = new Map(docs.map((d) => [d.id, d]))
const sys = createMiniSearchSpeed()
sys.build(docs)
const computed = sys.saveWithTextStored(byId)
const real = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
real.addAll(docs)
const same = computed === JSON.stringify(real)
console.log(
  `${docs.length} documents: computed ${computed.length} characters, ${same ? 'identical to' : 'DIFFERENT from'} MiniSearch's own JSON with title and text stored`,
)
process.exit(same ? 0 : 1)
