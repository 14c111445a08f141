/**
 * A reader that stops early (`fahras search … --json | head`) closes the pipe: the next write fails
 * with EPIPE, which Node reports as an unhandled 'error' event, a stack trace and exit code 1.
 * Output that nobody reads is not an error: the write is dropped, and the exit code is the
 * command's own (0 on success), as `bulk` already does for its NDJSON.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    // another failure of stdout or stderr: nowhere left to report it but the exit code
    process.exitCode = 1
  })
}
