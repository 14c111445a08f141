export { bestSnippets, escapeHtml, markHtml, DEFAULT_SNIPPET_OPTIONS } from './highlight.js'
export type { Match, Snippet, SnippetOptions, ResolvedSnippetOptions } from './highlight.js'
