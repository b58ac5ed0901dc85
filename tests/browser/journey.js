// A browser journey in the Odoo 11 web client, driven by headless Chromium.
//   node journey.js '<json>'   with {url, db, login, password, steps: [...], screenshot}
// Steps: {"app": "Kèpos"} opens an app from the app drawer (web_responsive);
// {"menu": "Sociétariat"} clicks a visible menu by its text; {"goto": "/web#..."} opens a URL;
// {"click": "text"} clicks a visible button or link by its text;
// {"expect": "text"} waits until the text is on the screen.
// Prints {"ok": bool, "js_errors": [...], "texts": {...}} and exits 0 (ok), 1 (errors), 2 (failure).
const puppeteer = require('puppeteer-core');

// Click the first visible element matching `selector` whose text (or, with `inner`, the
// text of a descendant matching `inner`) is exactly `text`.
async function clickVisible(page, selector, text, inner) {
  const found = await page.evaluate((selector, text, inner) => {
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    for (const el of document.querySelectorAll(selector)) {
      const label = inner ? (el.querySelector(inner) || {}).innerText : el.innerText;
      if (visible(el) && (text === null || (label || '').trim() === text)) {
        el.click();
        return true;
      }
    }
    return false;
  }, selector, text, inner || null);
  if (!found) throw new Error(`nothing visible to click: ${selector} ${text || ''}`);
}

(async () => {
  const args = JSON.parse(process.argv[2]);
  const errors = [];
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let status = 0;
  let current = 'login';
  const page = await browser.newPage();
  try {
    await page.setViewport({width: 1366, height: 850});
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('response', (res) => { if (res.status() >= 500) errors.push(`${res.status()} ${res.url()}`); });
    await page.goto(`${args.url}/web/login?db=${args.db}`, {waitUntil: 'load'});
    await page.type('input[name=login]', args.login);
    await page.type('input[name=password]', args.password);
    await Promise.all([page.waitForNavigation({waitUntil: 'load'}), page.click('button[type=submit]')]);
    // The client keeps a long-polling request open: wait for the UI, not for network idle.
    await page.waitForSelector('body.o_web_client .o_main', {timeout: 60000});
    // An unstyled client (stylesheets not compiled, e.g. without lessc) is a failure too.
    const styled = await page.evaluate(() => [...document.styleSheets].some(
      (sheet) => (sheet.href || '').includes('web.assets_backend') && sheet.cssRules.length > 100));
    if (!styled) throw new Error('the backend stylesheets are not loaded');
    for (const step of args.steps || []) {
      current = JSON.stringify(step);
      if (step.goto) {
        await page.goto(args.url + step.goto, {waitUntil: 'load'});
        await page.waitForSelector('.o_main', {timeout: 60000});
      }
      if (step.app) {
        await clickVisible(page, 'a.app-drawer-toggle', null);
        await page.waitForSelector('.app-drawer-title', {visible: true, timeout: 10000});
        await clickVisible(page, 'a', step.app, '.app-drawer-title');
      }
      if (step.menu) await clickVisible(page, 'nav a, .o_sub_menu a', step.menu);
      if (step.click) await clickVisible(page, 'button, a', step.click);
      if (step.expect) {
        await page.waitForFunction((t) => document.body.innerText.includes(t), {timeout: 30000}, step.expect);
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    if (args.screenshot) await page.screenshot({path: args.screenshot});
    if (errors.length) status = 1;
    console.log(JSON.stringify({ok: status === 0, js_errors: errors}));
  } catch (err) {
    if (args.screenshot) await page.screenshot({path: args.screenshot}).catch(() => {});
    console.log(JSON.stringify({ok: false, js_errors: errors, failure: String(err), step: current}));
    status = 2;
  } finally {
    await browser.close();
  }
  process.exit(status);
})();
