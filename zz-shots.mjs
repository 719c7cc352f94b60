import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const pages = ['pipelines/nginx-uwsgi/#step-2', 'pipelines/nginx-uvicorn/#step-3', 'terms/reverse-proxy/', 'terms/uvicorn/'];
for (const [w, h] of [[390, 844], [1280, 800]]) for (const scheme of ['light', 'dark']) for (const lang of ['', 'zh-cn/']) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
  const page = await ctx.newPage();
  for (const p of pages) {
    await page.goto(`http://127.0.0.1:4321/${lang}${p}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => localStorage.setItem('starlight-theme', ''));
    const name = `${p.split('/')[1]}-${w}-${scheme}-${lang ? 'zh' : 'en'}`;
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
    await page.evaluate(() => window.scrollBy(0, window.innerHeight * 0.9));
    await page.screenshot({ path: `/tmp/shots/${name}-b.png` });
  }
  await ctx.close();
}
await browser.close();
