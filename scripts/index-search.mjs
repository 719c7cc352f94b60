// Builds two Pagefind bundles from the built site: dist/pagefind/en and dist/pagefind/zh-cn.
// Each language gets its own bundle (and so its own word segmentation: Chinese needs the
// extended Pagefind build's segmenter), and the search dialog queries both, so a Chinese query
// on an English page still finds the Chinese pages and vice versa.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';

const DIST = 'dist';
const BUNDLES = /** @type {const} */ ({ en: 'en', 'zh-cn': 'zh-cn' });
const RE_HTML_LANG = /<html[^>]*\blang="([^"]+)"/i;

/** Every .html file below a folder. */
async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const indexes = {};
for (const [bundle, language] of Object.entries(BUNDLES)) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  indexes[bundle] = index;
}

const counts = { en: 0, 'zh-cn': 0 };
for await (const file of htmlFiles(DIST)) {
  const content = await readFile(file, 'utf8');
  const lang = RE_HTML_LANG.exec(content)?.[1]?.toLowerCase() ?? 'en';
  const bundle = lang.startsWith('zh') ? 'zh-cn' : 'en';
  const { errors } = await indexes[bundle].addHTMLFile({ sourcePath: relative(DIST, file), content });
  if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
  counts[bundle] += 1;
}

for (const [bundle, index] of Object.entries(indexes)) {
  const { errors } = await index.writeFiles({ outputPath: join(DIST, 'pagefind', bundle) });
  if (errors.length > 0) throw new Error(`Pagefind could not write ${bundle}: ${errors.join('; ')}`);
}
await pagefind.close();
console.log(`Search: indexed ${counts.en} English and ${counts['zh-cn']} Chinese pages into dist/pagefind/{en,zh-cn}.`);
