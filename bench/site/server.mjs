// A static file server on 127.0.0.1 for `npm run bench:site`, like a typical static host:
// - text types (html, js, mjs, css, json, svg, txt, xml, map) are gzipped when the browser accepts
//   gzip (zlib level 6, the usual default; the compressed copy is cached in memory, as CDNs do, so
//   compression time is not charged to the page); anything else is sent as it is (Pagefind's
//   .pagefind / .pf_* files are gzipped by Pagefind itself and decompressed by its runtime);
// - Cache-Control: public, max-age=600 and an ETag (If-None-Match answers 304), like GitHub Pages;
// - every request is counted on the server side: URL, status, body bytes sent (after compression;
//   headers not counted), so the bench reads bytes and requests per search from here.
// `virtual` maps a path (e.g. /bench.html) to { type, body } served from memory.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
}
const COMPRESSIBLE = new Set(['.html', '.htm', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.map'])

/**
 * Starts the server. Returns { origin, reset(), snapshot(prefixes), waitIdle(quietMs, timeoutMs), close() }.
 * snapshot(prefixes) -> { bytes, requests, byUrl: [{ url, status, bytes }] } of the requests since
 * the last reset() whose path starts with one of `prefixes` (all when omitted).
 */
export async function startServer(root, { virtual = {} } = {}) {
  const gzCache = new Map() // path -> { mtimeMs, size, gz }
  let log = []
  let inFlight = 0
  let lastActivity = Date.now()

  async function handle(req, res) {
    const url = new URL(req.url, 'http://x')
    let path = decodeURIComponent(url.pathname)
    const entry = { url: path, status: 0, bytes: 0 }
    log.push(entry)
    const send = (status, headers, body) => {
      entry.status = status
      entry.bytes = body ? body.length : 0
      res.writeHead(status, headers)
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(405, { 'content-type': 'text/plain' }, Buffer.from('method not allowed'))
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    if (virtual[path]) {
      const v = virtual[path]
      return send(200, { 'content-type': v.type, 'cache-control': 'no-store' }, Buffer.from(v.body))
    }
    if (path.endsWith('/')) path += 'index.html'
    const file = normalize(join(root, path))
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep))
      return send(403, { 'content-type': 'text/plain' }, Buffer.from('forbidden'))
    let st
    try {
      st = await stat(file)
      if (st.isDirectory()) {
        // /dir without a slash: redirect as static hosts do.
        return send(301, { location: `${url.pathname}/${url.search}` }, null)
      }
    } catch {
      return send(404, { 'content-type': 'text/plain' }, Buffer.from('not found'))
    }
    const ext = extname(file).toLowerCase()
    const gzip = acceptsGzip && COMPRESSIBLE.has(ext)
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}${gzip ? '-gz' : ''}"`
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=600',
      etag,
      vary: 'Accept-Encoding',
    }
    if (req.headers['if-none-match'] === etag) return send(304, headers, null)
    let body
    if (gzip) {
      const hit = gzCache.get(file)
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) body = hit.gz
      else {
        body = gzipSync(await readFile(file), { level: 6 })
        gzCache.set(file, { mtimeMs: st.mtimeMs, size: st.size, gz: body })
      }
      headers['content-encoding'] = 'gzip'
    } else {
      body = await readFile(file)
    }
    headers['content-length'] = body.length
    send(200, headers, body)
  }

  const server = createServer((req, res) => {
    inFlight++
    lastActivity = Date.now()
    res.on('close', () => {
      inFlight--
      lastActivity = Date.now()
    })
    handle(req, res).catch((err) => {
      try {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(err?.message ?? err))
      } catch {
        /* the response was already sent */
      }
    })
  })
  server.keepAliveTimeout = 5000
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address()
  return {
    origin: `http://127.0.0.1:${port}`,
    reset() {
      log = []
    },
    snapshot(prefixes) {
      const rows = prefixes ? log.filter((e) => prefixes.some((p) => e.url.startsWith(p))) : log.slice()
      return { bytes: rows.reduce((s, e) => s + e.bytes, 0), requests: rows.length, byUrl: rows.map((e) => ({ ...e })) }
    },
    /** Resolves when no request has been open for `quietMs` (late prefetches are counted too). */
    async waitIdle(quietMs = 150, timeoutMs = 10000) {
      const start = Date.now()
      for (;;) {
        if (inFlight === 0 && Date.now() - lastActivity >= quietMs) return
        if (Date.now() - start > timeoutMs) return
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    close() {
      server.closeAllConnections?.()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
