// Checks the rendered decks in headless Chromium (run ../test, which renders first).
//
// For every deck slides/NN-slug.md -> build/NN-slug.html:
//   - the page loads with no console errors, page errors or failed requests, and makes no network
//     request (the decks must work offline);
//   - Marp rendered as many slides as the Markdown has (`---` separators counted independently);
//   - on every slide, each image loaded and each Mermaid diagram rendered, with non-zero size, as
//     many of each as that slide's Markdown has; nothing runs off the slide or under the footer;
//   - every slide has speaker notes; pressing P opens the presenter view, which shows them and
//     moves the slide show along with it;
//   - the deck links to its lab sheet and its solution walkthrough; if the lab sheet exists, the
//     deck's task table has the sheet's task numbers and titles (the sheet is their one source);
//   - screenshots: title slide, first diagram slide, first image slide, presenter view
//     -> build/screenshots/NN-slug-{title,diagram,chart,presenter}.png
// And the index page: loads cleanly, links every deck, its lab sheet and its walkthrough; and
// slides/README.md lists every deck. `node tools/test.mjs NN-slug.md ...` checks only those decks.
//
// Prints one line per check and ends with "N passed, M failed"; exits 1 if anything failed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import {
  BUILD_DIR, REPO_DIR, SCREENSHOT_DIR, listDecks, readLabSheetTasks, chromiumLaunchOptions,
} from './decks.mjs';

const started = Date.now();
const VIEWPORT = { width: 1280, height: 720, deviceScaleFactor: 1 };
const HIDE_CONTROLS = '.bespoke-marp-osc { display: none !important; }';
const DECK_CONCURRENCY = 2; // decks checked at once, each in its own tab

// Defines window.goToSlide(n): moves the slide show to slide n (1-based) the way a reader's link
// does (#n) and resolves once bespoke has made it the active slide and the browser has painted it.
const GO_TO_SLIDE = `window.goToSlide = async (n) => {
  const active = () => Array.from(document.querySelectorAll('svg[data-marpit-svg]'))
    .indexOf(document.querySelector('svg[data-marpit-svg].bespoke-marp-active')) + 1;
  if (active() !== n) location.hash = '#' + n;
  const until = Date.now() + 5000;
  while (active() !== n) {
    if (Date.now() > until) throw new Error('could not move to slide ' + n + ' (active: ' + active() + ')');
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
};`;

const results = [];
// `node tools/test.mjs 04-rate-limiting.md ...` checks only those decks (the index still lists all).
const allDecks = listDecks();
const only = process.argv.slice(2).map((f) => path.basename(f));
const decks = only.length ? allDecks.filter((d) => only.includes(d.name)) : allDecks;
for (const name of only) {
  if (!allDecks.some((d) => d.name === name)) {
    console.log(`FAIL  ${name}  (no such deck in slides/)`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'slides-test-chromium-'));
const browser = await puppeteer.launch(chromiumLaunchOptions(profile));
try {
  if (!decks.length) results.push(await run('decks', async () => ({ problems: ['no decks found (slides/NN-slug.md)'] })));
  const deckResults = new Array(decks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(DECK_CONCURRENCY, decks.length) }, async () => {
    while (next < decks.length) {
      const k = next;
      next += 1;
      deckResults[k] = await run(decks[k].slug, () => checkDeck(decks[k]));
    }
  }));
  results.push(...deckResults);
  results.push(await run('index', checkIndex));
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

const failed = results.filter((r) => r.problems.length);
console.log(`checked ${decks.length} deck${decks.length === 1 ? '' : 's'} and the index in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), SCREENSHOT_DIR) || SCREENSHOT_DIR}/`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);

async function run(name, fn) {
  const t0 = Date.now();
  const result = { name, problems: [], notes: [], summary: '' };
  try {
    Object.assign(result, await fn(result));
  } catch (e) {
    result.problems.push(`crashed: ${e.stack || e.message}`);
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`${result.problems.length ? 'FAIL' : 'PASS'}  ${name}  ${result.summary} (${secs} s)`);
  for (const p of result.problems) console.log(`      - ${p}`);
  for (const n of result.notes) console.log(`      note: ${n}`);
  return result;
}

/** Opens a page that records console errors, page errors and failed requests into `errors`. */
async function open(url, errors) {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) errors.push(`network request to ${r.url()}: the decks must work offline`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

async function checkDeck(deck) {
  const problems = [];
  const notes = [];
  const file = path.join(BUILD_DIR, deck.html);
  if (!fs.existsSync(file)) return { problems: [`build/${deck.html} was not rendered`], notes, summary: '' };
  problems.push(...deck.slides.problems.map((p) => `${deck.name} ${p}`));

  const expected = deck.slides.map((s) => ({
    diagrams: s.diagrams.length,
    images: s.images.filter((i) => !i.background).length,
    line: s.startLine,
  }));
  const errors = [];
  const url = pathToFileURL(file).href;
  const page = await open(url, errors);
  await page.addStyleTag({ content: HIDE_CONTROLS });
  await page.evaluate(GO_TO_SLIDE);

  const rendered = await page.evaluate(() => ({
    slides: document.querySelectorAll('svg[data-marpit-svg]').length,
    sections: document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section:not([data-marpit-advanced-background])').length,
    notes: Array.from(document.querySelectorAll('.bespoke-marp-note')).map((n) => ({
      index: Number(n.getAttribute('data-index')),
      text: n.textContent.trim(),
    })),
  }));
  if (rendered.sections !== expected.length || rendered.slides !== expected.length) {
    problems.push(`the Markdown has ${expected.length} slides but Marp rendered ${rendered.sections} sections in ${rendered.slides} slides (is a --- missing a blank line around it?)`);
  }

  const withNotes = new Set(rendered.notes.filter((n) => n.text).map((n) => n.index));
  const missingNotes = expected.map((_, i) => i).filter((i) => !withNotes.has(i)).map((i) => i + 1);
  if (missingNotes.length) problems.push(`no speaker notes (<!-- ... -->) on slide ${missingNotes.join(', ')}`);

  let diagramSlide = null;
  let imageSlide = null;
  let diagrams = 0;
  let images = 0;
  const count = Math.min(rendered.slides, expected.length);
  for (let i = 0; i < count; i += 1) {
    const where = `slide ${i + 1} (${deck.name} line ${expected[i].line})`;
    const info = await page.evaluate(async (n) => {
      await goToSlide(n);
      const svg = document.querySelector('svg[data-marpit-svg].bespoke-marp-active');
      const section = svg.querySelector('foreignObject > section:not([data-marpit-advanced-background])');
      const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height }; };
      const sBox = box(section);
      const footer = section.querySelector(':scope > footer');
      const limit = footer && footer.textContent.trim() ? box(footer).top : sBox.bottom;
      const overflow = [];
      for (const el of section.children) {
        if (el.tagName === 'FOOTER' || el.tagName === 'HEADER') continue;
        const b = box(el);
        if (b.height === 0) continue;
        if (b.bottom > limit + 1) overflow.push(`${el.tagName.toLowerCase()} ends ${Math.round(b.bottom - limit)} px below the ${footer ? 'footer line' : 'slide'}`);
        if (b.right > sBox.right + 1) overflow.push(`${el.tagName.toLowerCase()} sticks out ${Math.round(b.right - sBox.right)} px on the right`);
      }
      for (const el of section.querySelectorAll('pre, table')) {
        if (el.scrollWidth > el.clientWidth + 1) overflow.push(`a ${el.tagName.toLowerCase()} is ${el.scrollWidth - el.clientWidth} px too wide`);
      }
      return {
        overflow,
        images: Array.from(section.querySelectorAll('img')).map((img) => ({
          src: img.getAttribute('src'), complete: img.complete, natural: img.naturalWidth, ...box(img),
        })),
        diagrams: Array.from(section.querySelectorAll('.diagram')).map((d) => {
          const s = d.querySelector('svg');
          return {
            id: d.getAttribute('data-diagram'),
            svg: !!s,
            marks: s ? s.querySelectorAll('text, path, rect, line, polygon').length : 0,
            ...(s ? box(s) : { width: 0, height: 0 }),
          };
        }),
      };
    }, i + 1);
    for (const o of info.overflow) problems.push(`${where}: ${o}`);
    if (info.images.length !== expected[i].images) problems.push(`${where}: the Markdown has ${expected[i].images} image(s), the slide shows ${info.images.length}`);
    for (const img of info.images) {
      if (!img.complete || img.natural === 0 || img.width < 1 || img.height < 1) problems.push(`${where}: image ${img.src} did not render (loaded: ${img.complete && img.natural > 0}, size ${Math.round(img.width)}x${Math.round(img.height)})`);
    }
    if (info.diagrams.length !== expected[i].diagrams) problems.push(`${where}: the Markdown has ${expected[i].diagrams} Mermaid diagram(s), the slide shows ${info.diagrams.length}`);
    for (const d of info.diagrams) {
      if (!d.svg || d.marks === 0 || d.width < 20 || d.height < 20) problems.push(`${where}: diagram ${d.id} did not render (size ${Math.round(d.width)}x${Math.round(d.height)}, ${d.marks} marks)`);
    }
    diagrams += info.diagrams.length;
    images += info.images.length;
    if (diagramSlide === null && info.diagrams.length) diagramSlide = i + 1;
    if (imageSlide === null && info.images.length) imageSlide = i + 1;
  }

  const shots = [['title', 1], ['diagram', diagramSlide], ['chart', imageSlide]];
  for (const [what, n] of shots) {
    if (n === null) { if (what === 'diagram') problems.push('no slide with a Mermaid diagram (the style guide asks for 2 or 3)'); continue; }
    await page.evaluate((k) => goToSlide(k), n);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${deck.slug}-${what}.png`) });
  }
  // The presenter view, opened the way an instructor opens it (P), must show slide 1's notes and
  // drive the audience's window: moving on in the presenter view moves the slide show too.
  await page.evaluate(() => goToSlide(1));
  const opened = new Promise((resolve) => {
    const onTarget = (t) => { if (t.opener() === page.target()) { browser.off('targetcreated', onTarget); resolve(t); } };
    browser.on('targetcreated', onTarget);
  });
  await page.keyboard.press('p');
  const target = await Promise.race([opened, new Promise((r) => setTimeout(() => r(null), 5000))]);
  if (!target) {
    problems.push('pressing P did not open the presenter view');
  } else {
    const presenter = await target.page();
    presenter.on('pageerror', (e) => errors.push(`presenter view: page error: ${e.message}`));
    presenter.on('console', (m) => { if (m.type() === 'error') errors.push(`presenter view: console error: ${m.text()}`); });
    await presenter.setViewport(VIEWPORT);
    const firstNote = rendered.notes.find((n) => n.index === 0)?.text || '';
    try {
      await presenter.waitForFunction(
        (start) => Array.from(document.querySelectorAll('.bespoke-marp-presenter-note-container .bespoke-marp-note'))
          .some((n) => n.offsetHeight > 0 && n.textContent.trim().startsWith(start)),
        { timeout: 5000 },
        firstNote.slice(0, 40),
      );
    } catch {
      problems.push('the presenter view does not show the notes of slide 1');
    }
    await presenter.addStyleTag({ content: HIDE_CONTROLS });
    await presenter.screenshot({ path: path.join(SCREENSHOT_DIR, `${deck.slug}-presenter.png`) });
    await presenter.keyboard.press('ArrowRight');
    try {
      await page.waitForFunction(
        () => Array.from(document.querySelectorAll('svg[data-marpit-svg]')).indexOf(document.querySelector('svg[data-marpit-svg].bespoke-marp-active')) === 1,
        { timeout: 5000 },
      );
    } catch {
      problems.push('moving to slide 2 in the presenter view did not move the slide show');
    }
    await presenter.close();
  }
  await page.close();
  problems.push(...errors.map((e) => `${deck.html}: ${e}`));

  // Links into the repository, as the style guide asks, and the task list against the lab sheet.
  for (const [what, target] of [['lab sheet', `../labs/${deck.slug}/README.md`], ['solution walkthrough', `../solutions/${deck.slug}/README.md`]]) {
    if (!deck.source.includes(`](${target})`)) problems.push(`no link to the ${what}: [..](${target})`);
    else if (!fs.existsSync(path.join(REPO_DIR, target.slice(3)))) notes.push(`${target.slice(3)} does not exist yet`);
  }
  // Every lab sheet says where the course simplifies or its sources disagree with practice; so does every deck.
  if (!deck.slides.some((s) => /^##\s+Assumptions\b/m.test(s.text))) {
    problems.push('no "## Assumptions, and where the sources ..." slide (every lab sheet has that section; the deck says it too)');
  }
  const sheet = readLabSheetTasks(deck.slug);
  if (sheet && sheet.tasks.length) {
    // The lab sheet is the one source of task numbers and titles: the deck's task table must agree.
    // Either one table on a "## ... tasks" slide (first cell starts with the task number), or one
    // slide per task headed "## Task N: Title".
    const tasksSlide = deck.slides.find((s) => /^##\s+.*\btasks\b/im.test(s.text));
    const rows = new Map(tasksSlide
      ? [...tasksSlide.text.matchAll(/^\|\s*(?:task\s*)?(\d+)(?!\d)(.*)$/gim)].map((m) => [Number(m[1]), m[2].replace(/[*_`]/g, '')])
      : []);
    if (!rows.size) {
      for (const slide of deck.slides) {
        for (const m of slide.text.matchAll(/^##\s+Task\s+(\d+)\b(.*)$/gim)) rows.set(Number(m[1]), m[2].replace(/[*_`]/g, ''));
      }
    }
    const inDeck = [...rows.keys()];
    const inSheet = sheet.tasks.map((t) => t.number);
    if (inDeck.join(',') !== inSheet.join(',')) {
      problems.push(`the deck's task table lists tasks ${inDeck.join(', ') || '(none: a "## ... tasks" slide with a table whose rows start with the task number, or slides headed "## Task N: Title")'}, the lab sheet ${inSheet.join(', ')}`);
    }
    for (const t of sheet.tasks) {
      const row = rows.get(t.number);
      // Markdown marks (emphasis, code) are dropped on both sides: "count(*)" in a title stays comparable.
      if (row !== undefined && !row.toLowerCase().includes(t.title.replace(/[*_`]/g, '').toLowerCase())) {
        problems.push(`task ${t.number} is "${t.title}" in the lab sheet, but the deck does not say so: "${row.trim()}"`);
      }
    }
  } else {
    notes.push('no lab sheet with "### Task N: Title (P points)" headings yet, so the task table was not cross-checked');
  }
  if (expected.length < 15 || expected.length > 25) notes.push(`${expected.length} slides; the style guide suggests 15 to 25`);

  return {
    problems,
    notes,
    summary: `${expected.length} slides, ${diagrams} diagrams, ${images} image${images === 1 ? '' : 's'}, notes on ${withNotes.size}/${expected.length}`,
  };
}

async function checkIndex() {
  const problems = [];
  const file = path.join(BUILD_DIR, 'index.html');
  if (!fs.existsSync(file)) return { problems: ['build/index.html was not written'], notes: [], summary: '' };
  const errors = [];
  const page = await open(pathToFileURL(file).href, errors);
  const links = await page.evaluate(() => Array.from(document.querySelectorAll('a')).map((a) => ({
    href: a.getAttribute('href'), text: a.textContent.trim(), deck: a.classList.contains('deck'),
  })));
  const rows = await page.evaluate(() => document.querySelectorAll('tbody tr').length);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'index.png'), fullPage: true });
  await page.close();
  problems.push(...errors);
  for (const deck of decks) {
    const deckLink = links.find((l) => l.deck && l.href === deck.html);
    if (!deckLink) problems.push(`no link to ${deck.html}`);
    else if (deckLink.text !== deck.title) problems.push(`${deck.html} is linked as "${deckLink.text}", its title is "${deck.title}"`);
    for (const target of [`../../labs/${deck.slug}/README.md`, `../../solutions/${deck.slug}/README.md`]) {
      if (!links.some((l) => l.href === target)) problems.push(`no link to ${target}`);
    }
  }
  for (const l of links.filter((x) => x.deck && decks.some((d) => d.html === x.href))) {
    if (!fs.existsSync(path.join(BUILD_DIR, l.href))) problems.push(`link to a deck that was not built: ${l.href}`);
  }
  // slides/README.md lists the decks at its top: keep it in step.
  const readme = fs.readFileSync(path.join(path.dirname(BUILD_DIR), 'README.md'), 'utf8');
  for (const deck of decks) {
    if (!readme.includes(`](${deck.name})`)) problems.push(`slides/README.md does not list ${deck.name} in its table of decks`);
  }
  const expectedDeckLinks = allDecks.length;
  const deckLinks = links.filter((l) => l.deck).length;
  if (deckLinks !== expectedDeckLinks) problems.push(`${deckLinks} deck links for ${expectedDeckLinks} decks`);
  return { problems, notes: [], summary: `${rows} lab${rows === 1 ? '' : 's'} listed, ${deckLinks} with a deck` };
}
