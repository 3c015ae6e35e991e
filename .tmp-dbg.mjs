import {chromium} from 'playwright-core'
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
const dist = process.argv[2], apiPort = process.argv[3], goto = process.argv[4] ?? '/structure/category', shot = process.argv[5] ?? '/tmp/dbg.png'
const srv = http.createServer((req, res) => { let f = path.join(dist, new URL(req.url, 'http://x').pathname); if (!fs.existsSync(f) || fs.statSync(f).isDirectory()) f = path.join(dist, 'index.html'); res.writeHead(200, {'content-type': f.endsWith('.js') ? 'text/javascript' : f.endsWith('.css') ? 'text/css' : 'text/html'}); fs.createReadStream(f).pipe(res) }).listen(3333, '127.0.0.1')
const b = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu']})
const ctx = await b.newContext({viewport: {width: 1400, height: 900}, locale: 'en-US'})
await ctx.addInitScript((h) => localStorage.setItem('pressroom:apiHost', h), `http://localhost:${apiPort}`)
const page = await ctx.newPage()
page.on('response', async (r) => { if (r.url().includes(':' + apiPort) && r.status() >= 400) console.log(r.status(), r.url().slice(0, 400), (await r.text().catch(() => '')).slice(0, 400)) })
page.on('request', (r) => r.url().includes(':' + apiPort) && console.log('REQ', r.method(), decodeURIComponent(r.url()).slice(0, 200)))
page.on('requestfinished', (r) => r.url().includes(':' + apiPort) && console.log('DONE', decodeURIComponent(r.url()).slice(0, 120)))
await page.goto(`http://localhost:3333${goto}`)
await page.waitForTimeout(Number(process.env.WAIT ?? 8000))
await page.screenshot({path: shot})
await b.close(); srv.close()
