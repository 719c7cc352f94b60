// Preloaded into a benchmarked process (`node --import ./bench/report-usage.ts …`): when it exits, appends its peak
// resident memory to the file named by HBH_USAGE_FILE, so the parent can read it.
import { appendFileSync } from 'node:fs';

const file = process.env['HBH_USAGE_FILE'];
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
