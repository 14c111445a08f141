// The command line's parsers, loaded on first use: yaml, smol-toml, marked and htmlparser2 take
// 100–150 ms to import, and most runs (a search of a saved index, JSONL inputs, help) need none
// of them. Node's require, synchronous like the readers that call them; each package has a
// CommonJS entry.
import { createRequire } from 'node:module'
import type * as HtmlParser2 from 'htmlparser2'
import type * as MarkedModule from 'marked'
import type Picomatch from 'picomatch'
import type * as SmolToml from 'smol-toml'
import type * as Yaml from 'yaml'

const load = createRequire(import.meta.url)
const cache = new Map<string, unknown>()
const once =
  <T>(name: string): (() => T) =>
  () => {
    if (!cache.has(name)) cache.set(name, load(name))
    return cache.get(name) as T
  }

/** The `yaml` package (front matter between `---` lines). */
export const yaml = once<typeof Yaml>('yaml')
/** The `smol-toml` package (front matter between `+++` lines). */
export const toml = once<typeof SmolToml>('smol-toml')
/** The `marked` package (Markdown → HTML). */
export const marked = once<typeof MarkedModule>('marked')
/** The `htmlparser2` package (HTML → text). */
export const htmlparser2 = once<typeof HtmlParser2>('htmlparser2')
/** The `picomatch` package (the include and exclude globs of `fahras site`). */
export const picomatch = once<typeof Picomatch>('picomatch')
