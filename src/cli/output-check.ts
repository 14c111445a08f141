import { checkWritable } from './atomic-write.js'
import { InputGuard } from './output-guard.js'

/**
 * Before any work: the output's folder must take a new file, and the output must not be one of
 * the inputs (compared by device and inode). Both are usage errors (exit code 2).
 */
export function checkOutput(output: string, inputs: readonly string[], readsDocuments = true): InputGuard {
  const guard = new InputGuard(inputs, readsDocuments)
  guard.check(output)
  checkWritable(output)
  return guard
}
