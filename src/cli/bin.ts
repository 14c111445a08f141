#!/usr/bin/env node
import { main } from './main.js'
import { quietOnClosedPipe } from './pipes.js'

quietOnClosedPipe(process.stdout)
quietOnClosedPipe(process.stderr)
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
