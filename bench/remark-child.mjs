// The bare remark baseline in a fresh process: read → parse (with front
// matter) → stringify every file, sequentially, as bench/run.ts's in-process
// baseline, with the process's own time and peak RSS. argv[2]: JSON list of paths.
import fs from 'node:fs'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'

const started = performance.now()
const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkStringify)
for (const file of JSON.parse(process.argv[2])) processor.processSync(new VFile({path: file, value: fs.readFileSync(file)}))
const usage = process.cpuUsage()
process.stdout.write(JSON.stringify({ms: performance.now() - started, cpuMs: (usage.user + usage.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n')
