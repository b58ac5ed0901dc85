// A visitor's journey on the public site, in headless Chromium, without logging in.
//   node visitor.js '<json>'   with {url, steps: [...], screenshot}
// Steps: {"goto": "/path"} opens a page; {"click": "text"} clicks a visible link or button
// by its text (and waits for the page it opens); {"fill": "name", "value": "text"} types
// into the form field of that name; {"select": "name", "value": "value"} picks an option;
// {"check": "name"} ticks a checkbox; {"submit": "form selector"} submits a form and waits
// for the next page; {"expect": "text"} waits until the text is on the page;
// {"click_js": "selector"} clicks an element whose script acts in the page (a dialog);
// {"wait": "selector"} waits until it is visible; {"shot": "path.png"} saves a screenshot now.
// Prints {"ok": bool, "js_errors": [...], "url": ...} and exits 0 (ok), 1 (errors), 2 (failure).
const {launch, collectErrors} = require('./chromium');

async function clickText(page, text) {
  for (let tries = 0; tries < 60; tries++) {
    const handle = await page.evaluateHandle((text) => {
      const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
      return [...document.querySelectorAll('a, button, input[type=submit]')].find(
        (el) => visible(el) && (el.innerText || el.value || '').trim() === text) || null;
    }, text);
    const el = handle.asElement();
    if (el) {
      await Promise.all([page.waitForNavigation({waitUntil: 'load', timeout: 30000}), el.click()]);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nothing visible to click: ${text}`);
}

(async () => {
  const args = JSON.parse(process.argv[2]);
  const errors = [];
  const browser = await launch();
  let status = 0;
  let current = 'start';
  const page = await browser.newPage();
  try {
    await page.setViewport({width: 1280, height: 900});
    collectErrors(page, errors);
    for (const step of args.steps) {
      current = JSON.stringify(step);
      if (step.goto) await page.goto(args.url + step.goto, {waitUntil: 'load'});
      if (step.click) await clickText(page, step.click);
      if (step.click_js) {
        // A button whose script opens a dialog instead of a page.
        // Its script is attached once the page's assets have loaded and run.
        await page.waitForSelector(step.click_js, {visible: true, timeout: 15000});
        await page.waitForNetworkIdle({idleTime: 750, timeout: 30000}).catch(() => {});
        await page.click(step.click_js);
      }
      if (step.wait) await page.waitForSelector(step.wait, {visible: true, timeout: 15000});
      if (step.fill) {
        const input = await page.waitForSelector(`form [name="${step.fill}"]`, {visible: true, timeout: 15000});
        await input.click({clickCount: 3});
        await input.type(String(step.value));
      }
      if (step.select) await page.select(`select[name="${step.select}"]`, step.value);
      if (step.check) await page.click(`form input[name="${step.check}"]`);
      if (step.submit) {
        await Promise.all([page.waitForNavigation({waitUntil: 'load', timeout: 30000}),
                           page.$eval(step.submit, (form) => form.querySelector('[type=submit]').click())]);
      }
      if (step.expect) {
        await page.waitForFunction((text) => document.body.innerText.includes(text),
                                   {timeout: 15000}, step.expect);
      }
      if (step.shot) await page.screenshot({path: step.shot, fullPage: false});
    }
    if (args.screenshot) await page.screenshot({path: args.screenshot, fullPage: false});
  } catch (err) {
    errors.push(`${current}: ${err.message}`);
    status = 2;
    if (args.screenshot) await page.screenshot({path: args.screenshot}).catch(() => {});
  }
  const url = page.url();
  await browser.close();
  if (!status && errors.length) status = 1;
  console.log(JSON.stringify({ok: status === 0, js_errors: errors, url}));
  process.exit(status);
})();
