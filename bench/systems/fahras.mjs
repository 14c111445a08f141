// fahras as a system of the quality benchmark: defaults, fields title and text
// (bench/systems/fahras-system.mjs, shared with the quality gate of npm test). Uses the built
// package (npm run build first).
import { ArabicSearch } from '../../dist/index.js'
import { fahrasSystem } from './fahras-system.mjs'

export function createFahrasSystem(options = {}) {
  return fahrasSystem(ArabicSearch, options)
}
