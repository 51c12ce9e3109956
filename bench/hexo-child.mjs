// `hexo generate` of a site made by bench/hexo-site.ts, in a fresh process
// (so that its time and peak memory are its own). Called by bench/run.ts;
// prints one JSON line. argv[2]: the site's folder.
import {createRequire} from 'node:module'
import path from 'node:path'

const site = path.resolve(process.argv[2])
const started = performance.now()
const Hexo = createRequire(path.join(site, 'package.json'))('hexo')
const hexo = new Hexo(site, {silent: true})
await hexo.init()
await hexo.call('generate', {})
await hexo.exit()
const usage = process.cpuUsage()
process.stdout.write(
  JSON.stringify({
    ms: performance.now() - started,
    cpuMs: (usage.user + usage.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    posts: hexo.locals.get('posts').length
  }) + '\n'
)
// Hexo leaves handles open (file watchers, timers): end here.
process.exit(0)
