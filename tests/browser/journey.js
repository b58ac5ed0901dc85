// A browser journey in the Odoo 11 web client, driven by headless Chromium.
//   node journey.js '<json>'   with {url, db, login, password, steps: [...], screenshot}
// Steps: {"app": "Kèpos"} opens an app from the app drawer (web_responsive);
// {"menu": "Sociétariat"} clicks a visible menu by its text; {"goto": "/web#..."} opens a URL;
// {"click": "text"} clicks a visible button or link by its text, {"in": ".modal"} within a part;
// {"fill": "field", "value": "text"} types into a form field (a many2one takes the
// suggestion that contains the text);
// {"select": "field", "value": "label"} picks an option of a selection or a radio;
// {"open": "text"} opens the list row or kanban card that contains the text;
// {"stage": "label"} clicks a stage of the form's status bar;
// {"pdf": "/report/pdf/..."} checks that the URL answers a PDF in the user's session;
// {"expect": "text"} waits until the text is on the screen, {"in": ".selector"} in that part.
// Prints {"ok": bool, "js_errors": [...], "texts": {...}} and exits 0 (ok), 1 (errors), 2 (failure).
const {launch, collectErrors} = require('./chromium');

// Click the first visible element matching `selector` whose text (or, with `inner`, the
// text of a descendant matching `inner`) is exactly `text`, or with `contains` has it in
// its text. The screen may still be loading: it tries again for a while before giving up.
// Returns the action id of what it clicked (a menu), if any.
async function clickVisible(page, selector, text, inner, contains) {
  for (let tries = 0; ; tries++) {
    const found = await page.evaluate((selector, text, inner, contains) => {
      const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
      for (const el of document.querySelectorAll(selector)) {
        const label = ((inner ? (el.querySelector(inner) || {}).innerText : el.innerText) || '').trim();
        if (visible(el) && (text === null || (contains ? label.includes(text) : label === text))) {
          el.click();
          return {action: el.getAttribute('data-action-id') || ''};
        }
      }
      return null;
    }, selector, text, inner || null, !!contains);
    if (found) return found.action;
    if (tries >= 60) throw new Error(`nothing visible to click: ${selector} ${text || ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Clicks a menu or an app; when it opens an action, waits for that action's view to replace
// the current one, so that the next step does not act on the screen being left.
async function openMenu(page, selector, text, inner) {
  await page.evaluate(() => document.querySelectorAll('.o_view_manager_content').forEach(
    (el) => { el.dataset.journeyLeft = '1'; }));
  if (await clickVisible(page, selector, text, inner)) {
    await page.waitForSelector('.o_view_manager_content:not([data-journey-left])',
                               {visible: true, timeout: 30000});
  }
}

// Requests in flight, but the bus's long polling that stays open.
let pending = 0;
function trackRequests(page) {
  const rpc = (req) => !req.url().includes('/longpolling/');
  page.on('request', (req) => { if (rpc(req)) pending++; });
  for (const done of ['requestfinished', 'requestfailed']) {
    page.on(done, (req) => { if (rpc(req)) pending--; });
  }
}

// Waits until what a click started has answered.
async function settle(page) {
  for (let quiet = 0, waited = 0; quiet < 3; waited++) {
    if (waited > 300) throw new Error('requests still running after 30 s');
    await new Promise((r) => setTimeout(r, 100));
    quiet = pending > 0 ? 0 : quiet + 1;
  }
}

// A field of the form by its name; `tag` when the widget itself is that element.
const field = (name, tag = '') => `.o_form_view ${tag}.o_field_widget[name="${name}"]`;

async function fill(page, name, value) {
  const input = await page.waitForSelector(
    `${field(name, 'input')}, ${field(name, 'textarea')}, ${field(name)} input`, {visible: true, timeout: 15000});
  await input.click({clickCount: 3});
  await input.type(String(value));
  if (await page.$(`${field(name)}.o_field_many2one`)) {
    await page.waitForSelector('.ui-autocomplete li a', {visible: true, timeout: 10000});
    await clickVisible(page, '.ui-autocomplete li a', String(value), null, true);
  }
}

async function select(page, name, value) {
  await page.waitForSelector(field(name), {visible: true, timeout: 10000});
  if (await page.$(field(name, 'select'))) {
    const found = await page.evaluate((selector, value) => {
      const el = document.querySelector(selector);
      const option = [...el.options].find((o) => o.text.trim() === value);
      if (!option) return false;
      el.value = option.value;
      el.dispatchEvent(new Event('change', {bubbles: true}));
      return true;
    }, field(name, 'select'), value);
    if (!found) throw new Error(`no option ${value} in ${name}`);
  } else {
    await clickVisible(page, `${field(name)} label`, value);
  }
}

// Fetches a URL with the page's session: a report must answer a non-empty PDF.
async function checkPdf(page, url) {
  const answer = await page.evaluate(async (url) => {
    const res = await fetch(url, {credentials: 'same-origin'});
    const body = new Uint8Array(await res.arrayBuffer());
    return {status: res.status, type: res.headers.get('Content-Type'), size: body.length,
            magic: String.fromCharCode(...body.slice(0, 4))};
  }, url);
  if (answer.status !== 200 || answer.type !== 'application/pdf' || answer.magic !== '%PDF') {
    throw new Error(`not a PDF: ${url} ${JSON.stringify(answer)}`);
  }
}

(async () => {
  const args = JSON.parse(process.argv[2]);
  const errors = [];
  const browser = await launch();
  let status = 0;
  let current = 'login';
  const page = await browser.newPage();
  try {
    await page.setViewport({width: 1366, height: 850});
    trackRequests(page);
    collectErrors(page, errors);
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
        await openMenu(page, 'a', step.app, '.app-drawer-title');
      }
      if (step.menu) await openMenu(page, 'nav a, .o_sub_menu a', step.menu);
      if (step.click) {
        const scope = step.in ? `${step.in} ` : '';
        await clickVisible(page, `${scope}button, ${scope}a`, step.click);
        await settle(page);
      }
      if (step.fill) await fill(page, step.fill, step.value);
      if (step.select) await select(page, step.select, step.value);
      if (step.open) await clickVisible(page, '.o_data_row, .o_kanban_record', step.open, null, true);
      if (step.stage) {
        await clickVisible(page, '.o_statusbar_status button', step.stage);
        await settle(page);
      }
      if (step.pdf) await checkPdf(page, args.url + step.pdf);
      if (step.expect) {
        await page.waitForFunction((t, scope) => [...document.querySelectorAll(scope)].some(
          (el) => el.innerText.includes(t)), {timeout: 30000}, step.expect, step.in || 'body');
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
