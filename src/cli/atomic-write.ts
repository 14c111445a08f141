/**
 * Output files written whole or not at all: the data goes to a temporary file in the same folder,
 * is flushed to the disk (when it replaces a file), then renamed over the target. A failed write (a full disk, EFBIG) or a
 * kill leaves the previous file as it was, at worst with a hidden `.NAME.fahras-….tmp` beside it.
 */
import {
  accessSync,
  chmodSync,
  constants,
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CliError, errorCode } from './read-file.js'
import { quoted } from './safe-print.js'

/** Where a write to `path` really goes, and how. */
interface Target {
  /** The file renamed over: `path` with its symbolic links resolved (a link stays a link). */
  readonly path: string
  /** The permission bits of the file replaced, kept by the new one; undefined for a new file. */
  readonly mode: number | undefined
  /**
   * True when `path` is a device or a FIFO (`-o /dev/stdout`): written in place, as nothing can be
   * renamed over it.
   */
  readonly direct: boolean
}

function targetOf(path: string): Target {
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    const code = errorCode(error)
    // a missing file is created; a missing or non-folder parent is reported by the caller's open
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new CliError(`cannot write ${quoted(path)}: ${code}`, 2)
    // a dangling symbolic link: refused rather than replaced by a file or followed somewhere unseen
    let link
    try {
      link = lstatSync(path)
    } catch {
      return { path, mode: undefined, direct: false }
    }
    if (link.isSymbolicLink()) throw new CliError(`cannot write ${quoted(path)}: a symbolic link to a missing file`, 2)
    return { path, mode: undefined, direct: false }
  }
  if (stats.isDirectory()) throw new CliError(`cannot write ${quoted(path)}: it is a folder`, 2)
  const real = realpathSync(path)
  // a file the user may not write is not replaced either (a rename would get past its mode)
  try {
    accessSync(real, constants.W_OK)
  } catch (error) {
    throw new CliError(`cannot write ${quoted(path)}: ${errorCode(error)}`, 2)
  }
  return { path: real, mode: stats.mode & 0o7777, direct: !stats.isFile() }
}

let counter = 0
/** A fresh name in the target's folder, hidden, that says what it is. */
function temporaryName(target: string): string {
  counter++
  return join(dirname(target), `.${basename(target)}.fahras-${process.pid}-${counter}.tmp`)
}

/**
 * Checks, before any work is done, that `path` can be written: its folder exists and a file can be
 * created in it (one is created and removed), or it is a device or FIFO the user may write to.
 * Throws a usage error (exit code 2) that says why not.
 */
export function checkWritable(path: string): void {
  const target = targetOf(path)
  // a device or FIFO is not opened (a FIFO's reader would see the end of its input when the probe
  // closes): targetOf checked that it may be written
  if (target.direct) return
  let fd: number
  const probe = temporaryName(target.path)
  try {
    fd = openSync(probe, 'wx')
  } catch (error) {
    const code = errorCode(error)
    const why =
      code === 'ENOENT'
        ? `no such folder ${quoted(dirname(path))}`
        : code === 'ENOTDIR'
          ? `${quoted(dirname(path))} is not a folder`
          : code
    throw new CliError(`cannot write ${quoted(path)}: ${why}`, 2)
  }
  closeSync(fd)
  unlinkSync(probe)
}

/**
 * A file being written: `write()` as often as needed, then `commit()` (flush, rename over the
 * target) or `abort()` (remove the temporary file; the target is untouched).
 */
export class AtomicFile {
  /** The file descriptor to write to. */
  readonly fd: number
  private readonly target: Target
  private readonly temporary: string | undefined
  private done = false

  /** Opens a temporary file beside `path` (or `path` itself, for a device or FIFO). */
  constructor(readonly path: string) {
    this.target = targetOf(path)
    this.temporary = this.target.direct ? undefined : temporaryName(this.target.path)
    try {
      this.fd = openSync(this.temporary ?? this.target.path, this.target.direct ? 'w' : 'wx', this.target.mode ?? 0o666)
    } catch (error) {
      throw new CliError(`cannot write ${quoted(path)}: ${errorCode(error)}`)
    }
  }

  /** Writes all of `data`. */
  write(data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let done = 0
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done)
    } catch (error) {
      throw new CliError(`cannot write ${quoted(this.path)}: ${errorCode(error)}`)
    }
  }

  /** Puts the file in place of the target, flushed to the disk first when it replaces one. */
  commit(): void {
    if (this.done) return
    this.done = true
    try {
      if (this.temporary !== undefined) {
        // on the disk before it replaces a file, so that a crash cannot leave an empty file in place
        // of a good one; a new file has nothing to lose (and a thousand parts need no thousand syncs)
        if (this.target.mode !== undefined) fsyncSync(this.fd)
        closeSync(this.fd)
        // kept as the replaced file was (the umask may have narrowed the mode at creation)
        if (this.target.mode !== undefined) chmodSync(this.temporary, this.target.mode)
        renameSync(this.temporary, this.target.path)
      } else closeSync(this.fd)
    } catch (error) {
      this.removeTemporary()
      throw new CliError(`cannot write ${quoted(this.path)}: ${errorCode(error)}`)
    }
  }

  /** Gives up: the temporary file is removed, the target is left as it was. Never throws. */
  abort(): void {
    if (this.done) return
    this.done = true
    try {
      closeSync(this.fd)
    } catch {
      // already closed, or failed: the temporary file is removed all the same
    }
    this.removeTemporary()
  }

  private removeTemporary() {
    if (this.temporary === undefined) return
    try {
      unlinkSync(this.temporary)
    } catch {
      // nothing more can be done: the target is intact either way
    }
  }
}

/** Writes `data` (text, as UTF-8, or bytes) to `path` whole or not at all (see {@link AtomicFile}). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path)
  try {
    file.write(data)
    file.commit()
  } catch (error) {
    file.abort()
    throw error
  }
}
