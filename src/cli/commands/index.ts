/**
 * The commands of `fahras`, in the order `fahras --help` lists them: the dispatcher's table
 * (main.ts finds a command here by its name, parses its options from its option table, and runs it).
 */
import { bulkCommand } from './bulk.js'
import type { Command } from './command.js'
import { exportSettingsCommand } from './export-settings.js'
import { indexCommand } from './index-command.js'
import { searchCommand } from './search.js'
import { siteCommand } from './site.js'
import { tourCommand } from './tour.js'

/**
 * Every command, each with its name, usage, option table and `run`.
 *
 * @example
 * COMMANDS.map((c) => c.name) // → ['index', 'search', 'site', 'tour', 'bulk', 'export-settings']
 */
export const COMMANDS: readonly Command[] = [
  indexCommand,
  searchCommand,
  siteCommand,
  tourCommand,
  bulkCommand,
  exportSettingsCommand,
]
