/**
 * Loading a saved index (`ArabicSearch.loadJSON`, `loadJSONAsync`): the header read and checked,
 * the index built with the caller's options and checked against the saved ones, the engine data
 * checked (at once, or in chunks with the event loop free between them) and put in place. The
 * class hands in what only it can do (build itself, report what it was built with, install the
 * engine). @internal
 */
import MiniSearch from 'minisearch'
import { checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import { guardedStep, LOAD_CHUNK, readEngine, readEngineSteps } from './saved-engine.js'
import {
  checkAgreement,
  mergeSavedOptions,
  readSavedHeader,
  resolveSavedAnalyzer,
  type BuiltWith,
  type EngineJSON,
  type SavedHeader,
} from './saved-index.js'
import type { LoadAsyncOptions } from './options.js'

/** What loading needs of the index class. */
export interface IndexAccess<I> {
  /** `new ArabicSearch(options)`. */
  build(options: object): I
  builtWith(index: I): BuiltWith
  /** The options to hand to `MiniSearch.loadJS` for this index. */
  engineOptions(index: I): object
  /** Puts the loaded engine in place. */
  install(index: I, engine: MiniSearch): void
}

const damagedEngine = (error: unknown) =>
  createError(ERROR_CODES.INVALID_INDEX, `loadJSON() got a damaged saved index: ${(error as Error).message}`)

/** The index a saved header describes, built with the caller's options and checked against it. */
function fromHeader<I>(s: SavedHeader, options: object | undefined, access: IndexAccess<I>): I {
  const savedAnalyzer = resolveSavedAnalyzer(s)
  let index: I
  try {
    index = access.build(mergeSavedOptions(s, savedAnalyzer, options))
  } catch (error) {
    // without options of the caller, every option came from the saved header
    if (options !== undefined || (error as { code?: unknown }).code !== ERROR_CODES.INVALID_OPTION) throw error
    throw Object.assign(
      createError(
        ERROR_CODES.INVALID_INDEX,
        `loadJSON() got a damaged saved index: its options are invalid (${(error as Error).message})`,
      ),
      { cause: error },
    )
  }
  checkAgreement(s, savedAnalyzer, access.builtWith(index))
  return index
}

/** `ArabicSearch.loadJSON`. */
export function loadIndex<I>(json: unknown, options: object | undefined, access: IndexAccess<I>): I {
  // the header checked and copied; nothing of `json` is read after this
  const s = readSavedHeader(json)
  // every invariant the engine relies on, checked against the saved header, on a fresh copy
  // that is what gets loaded
  const engine = readEngine(s.index, s.fields, s.storeFields)
  const index = fromHeader(s, options, access)
  let mini: MiniSearch
  try {
    mini = MiniSearch.loadJS(engine as never, access.engineOptions(index) as never)
  } catch (error) {
    throw damagedEngine(error)
  }
  access.install(index, mini)
  return index
}

/** `ArabicSearch.loadJSONAsync`: the same steps, with a turn of the event loop between chunks. */
export async function loadIndexAsync<I>(
  json: unknown,
  options: object | undefined,
  loadOptions: LoadAsyncOptions | undefined,
  access: IndexAccess<I>,
): Promise<I> {
  const where = 'loadJSONAsync()'
  const given = checkOptions(loadOptions, where, { signal: 'object', chunkSize: 'number' })
  const chunkSize = (given.chunkSize as number | undefined) ?? LOAD_CHUNK
  const signal = given.signal as AbortSignal | undefined
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected \`chunkSize\` to be an integer >= 1, got ${describe(chunkSize)}`,
      { option: 'chunkSize' },
      'type',
    )
  }
  const pause = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
    if (signal?.aborted) throw createError(ERROR_CODES.ABORTED, `${where} was aborted; nothing was loaded`)
  }
  await pause()
  const s = readSavedHeader(json)
  // the options first: a mismatch is found before the long part
  const index = fromHeader(s, options, access)
  const steps = readEngineSteps(s.index, s.fields, s.storeFields, chunkSize)
  let step: IteratorResult<void, EngineJSON>
  while (!(step = guardedStep(steps)).done) await pause()
  let mini: MiniSearch
  try {
    mini = await MiniSearch.loadJSAsync(step.value as never, access.engineOptions(index) as never)
  } catch (error) {
    throw damagedEngine(error)
  }
  await pause()
  access.install(index, mini)
  return index
}
