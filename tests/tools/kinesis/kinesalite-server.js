#!/usr/bin/env node
// kinesalite (in memory) behind a small front server for the Kinesis connector's tests:
//   --port P            listen on 127.0.0.1:P (the front); prints "listening P" when ready
//   --page-size N       ListShards answers N shards per page with a NextToken (kinesalite
//                       itself never paginates)
//   --throttle-get N    every Nth GetRecords fails with ProvisionedThroughputExceededException
//   --throttle-put N    every Nth PutRecords fails half of its entries (odd positions) with
//                       ProvisionedThroughputExceededException, the others are written
//   --access-key K      requests signed with another access key id get
//                       UnrecognizedClientException (kinesalite accepts any)
// GET /__stats returns {"throttledGets", "throttledPutEntries", "listShardsPages", "requests",
// "maxPutEntries", "maxPutBytes" (data + partition keys of the largest PutRecords)}.
'use strict'
const http = require('http')
const kinesalite = require('kinesalite')

const args = {}
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
const port = Number(args.port || 4567)
const pageSize = Number(args['page-size'] || 0)
const throttleGet = Number(args['throttle-get'] || 0)
const throttlePut = Number(args['throttle-put'] || 0)
const accessKey = args['access-key'] || ''
const stats = { throttledGets: 0, throttledPutEntries: 0, listShardsPages: 0, requests: 0, maxPutEntries: 0, maxPutBytes: 0 }
let gets = 0
let puts = 0

const backend = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 1000 })

function forward(req, body, backendPort, cb) {
  const headers = Object.assign({}, req.headers, { 'content-length': Buffer.byteLength(body) })
  const r = http.request({ host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers }, (res) => {
    const chunks = []
    res.on('data', (c) => chunks.push(c))
    res.on('end', () => cb(res.statusCode, res.headers, Buffer.concat(chunks).toString('utf8')))
  })
  r.on('error', (e) => cb(500, {}, JSON.stringify({ __type: 'InternalFailure', message: String(e) })))
  r.end(body)
}

function reply(res, status, obj) {
  const text = typeof obj === 'string' ? obj : JSON.stringify(obj)
  res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function handle(req, res, body, backendPort) {
  if (req.method === 'GET' && req.url === '/__stats') return reply(res, 200, stats)
  stats.requests++
  const op = String(req.headers['x-amz-target'] || '').split('.')[1] || ''
  if (accessKey) {
    const m = /Credential=([^/]+)\//.exec(String(req.headers.authorization || ''))
    if (!m || m[1] !== accessKey) {
      return reply(res, 400, { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' })
    }
  }
  let data = {}
  try { data = JSON.parse(body || '{}') } catch (e) { /* kinesalite answers */ }
  const pass = () => forward(req, body, backendPort, (s, h, b) => reply(res, s, b))
  if (op === 'PutRecords' && Array.isArray(data.Records)) {
    // What Kinesis limits: 500 entries, 5 MiB of data + partition keys per request.
    let bytes = 0
    for (const r of data.Records) bytes += Buffer.from(r.Data || '', 'base64').length + Buffer.byteLength(r.PartitionKey || '')
    stats.maxPutEntries = Math.max(stats.maxPutEntries, data.Records.length)
    stats.maxPutBytes = Math.max(stats.maxPutBytes, bytes)
  }

  if (op === 'GetRecords' && throttleGet > 0 && ++gets % throttleGet === 0) {
    stats.throttledGets++
    return reply(res, 400, { __type: 'ProvisionedThroughputExceededException', message: 'Rate exceeded for shard (injected).' })
  }
  if (op === 'PutRecords' && throttlePut > 0 && ++puts % throttlePut === 0 && Array.isArray(data.Records)) {
    const keep = data.Records.filter((_, i) => i % 2 === 0)
    const sub = JSON.stringify(Object.assign({}, data, { Records: keep }))
    return forward(req, sub, backendPort, (s, h, b) => {
      if (s !== 200) return reply(res, s, b)
      const written = JSON.parse(b).Records
      let failed = 0
      const records = data.Records.map((_, i) => {
        if (i % 2 === 0) return written[i / 2]
        failed++
        stats.throttledPutEntries++
        return { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'Rate exceeded for shard (injected).' }
      })
      reply(res, 200, { FailedRecordCount: failed + written.filter((r) => r.ErrorCode).length, Records: records })
    })
  }
  if (op === 'ListShards' && pageSize > 0) {
    let stream = data.StreamName
    let offset = 0
    if (data.NextToken) {
      const t = JSON.parse(Buffer.from(data.NextToken, 'base64').toString('utf8'))
      stream = t.stream
      offset = t.offset
    }
    const sub = JSON.stringify({ StreamName: stream })
    return forward(req, sub, backendPort, (s, h, b) => {
      if (s !== 200) return reply(res, s, b)
      stats.listShardsPages++
      const all = JSON.parse(b).Shards
      const page = { Shards: all.slice(offset, offset + pageSize) }
      if (offset + pageSize < all.length) {
        page.NextToken = Buffer.from(JSON.stringify({ stream, offset: offset + pageSize })).toString('base64')
      }
      reply(res, 200, page)
    })
  }
  pass()
}

backend.listen(0, '127.0.0.1', () => {
  const backendPort = backend.address().port
  const front = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8'), backendPort))
  })
  front.keepAliveTimeout = 60000
  front.listen(port, '127.0.0.1', () => console.log('listening ' + front.address().port))
})
// The test owns this process: end with it (stdin closes when the parent goes away).
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
