export { tokenize } from './tokenize.js'
export type { Token } from './tokenize.js'
