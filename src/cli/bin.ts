#!/usr/bin/env node
import { main } from './main.js'
import { quietOnClosedPipe } from './pipes.js'

quietOnClosedPipe(process.stdout)
quietOnClosedPipe(process.stderr)
process.exitCode = main(process.argv.slice(2))
