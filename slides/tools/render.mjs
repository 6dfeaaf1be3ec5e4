// Renders every deck (slides/NN-slug.md) to static HTML under slides/build/:
//   build/index.html          the course index: labs in catalogue order, links to decks, lab sheets, walkthroughs
//   build/NN-slug.html        one Marp "bespoke" slide show per deck (presenter view: press P)
//   build/charts/, images/    copies of the committed charts and images the decks embed
//
// Mermaid fences are rendered to inline SVG here, at build time, in headless Chromium (mermaid-cli's
// renderMermaid), so the HTML needs no JavaScript library and no network to show them.
//
// Usage (normally through ../render, which installs what is missing first):
//   node tools/render.mjs [NN-slug.md ...]      default: every deck

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { renderMermaid } from '@mermaid-js/mermaid-cli';
import { marpCli } from '@marp-team/marp-cli';
import {
  BUILD_DIR, CHARTS_DIR, IMAGES_DIR, REPO_DIR, SLIDES_DIR, THEME_DIR, DECK_NAME,
  listDecks, readDeck, readCatalogue, escapeHtml, chromiumLaunchOptions,
} from './decks.mjs';

// Diagrams rendered at once (pages in one Chromium); 3 is about twice as fast as 1 on 2 cores.
const DIAGRAM_CONCURRENCY = 3;
const MERMAID_CONFIG = JSON.parse(fs.readFileSync(path.join(SLIDES_DIR, 'tools', 'mermaid-config.json'), 'utf8'));

export async function render(only = []) {
  const started = Date.now();
  const all = listDecks();
  const decks = only.length
    ? only.map((f) => readDeck(path.resolve(SLIDES_DIR, path.basename(f))))
    : all;
  if (!all.length) throw new Error(`no decks found: a deck is slides/NN-slug.md`);

  if (!only.length) fs.rmSync(BUILD_DIR, { recursive: true, force: true }); // a full render starts clean
  const srcDir = path.join(BUILD_DIR, '.src');
  fs.mkdirSync(srcDir, { recursive: true });
  for (const dir of [CHARTS_DIR, IMAGES_DIR]) {
    if (fs.existsSync(dir)) fs.cpSync(dir, path.join(BUILD_DIR, path.basename(dir)), { recursive: true });
  }

  // Mermaid first, for every deck at once: a few pages in parallel in one headless Chromium.
  const prepared = decks.map((deck) => ({ deck, ...preprocess(deck) }));
  const jobs = prepared.flatMap((p) => p.diagrams);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'slides-render-chromium-'));
  const browser = await puppeteer.launch(chromiumLaunchOptions(profile));
  try {
    await pool(jobs, DIAGRAM_CONCURRENCY, async (job) => {
      try {
        const { data } = await renderMermaid(browser, job.code, 'svg', {
          backgroundColor: 'transparent',
          mermaidConfig: MERMAID_CONFIG,
          svgId: job.id,
          viewport: { width: 1280, height: 720, deviceScaleFactor: 1 },
        });
        job.svg = new TextDecoder().decode(data).replace(/\n\s*/g, ' ');
      } catch (e) {
        throw new Error(`${job.deck}: Mermaid diagram ${job.n} (line ${job.line}) does not render: ${e.message}`);
      }
    });
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`rendered ${jobs.length} Mermaid diagram${jobs.length === 1 ? '' : 's'} to SVG in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  for (const { deck, markdown, diagrams } of prepared) {
    const t0 = Date.now();
    const src = path.join(srcDir, deck.name);
    fs.writeFileSync(src, markdown.replace(/^@@diagram:(\S+)@@$/gm, (_, id) => {
      const job = diagrams.find((d) => d.id === id);
      return `<div class="diagram" data-diagram="${id}">${job.svg}</div>`;
    }));
    const out = path.join(BUILD_DIR, deck.html);
    const code = await marpCli(
      [src, '--no-config-file', '--html', '--theme-set', THEME_DIR, '--bespoke.progress', '-o', out],
      {},
    );
    if (code !== 0 || !fs.existsSync(out)) throw new Error(`${deck.name}: Marp failed (exit code ${code})`);
    console.log(`rendered ${deck.name} -> build/${deck.html} (${deck.slides.length} slides, ${diagrams.length} diagrams, ${Date.now() - t0} ms)`);
  }
  fs.rmSync(srcDir, { recursive: true, force: true });

  fs.writeFileSync(path.join(BUILD_DIR, 'index.html'), indexPage(all));
  console.log(`wrote build/index.html (${all.length} deck${all.length === 1 ? '' : 's'}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Turns the GitHub-readable deck into what Marp renders: each Mermaid fence becomes a placeholder
 * line (filled with the rendered SVG later), links are re-pointed from slides/ to slides/build/, and
 * links to other decks point at their HTML.
 */
function preprocess(deck) {
  const problems = [...deck.slides.problems];
  if (deck.frontMatter.marp !== 'true') problems.push('front matter needs "marp: true"');
  if (deck.frontMatter.theme !== 'workbook') problems.push('front matter needs "theme: workbook"');
  if ('headingDivider' in deck.frontMatter) problems.push('do not use headingDivider: separate slides with ---');
  for (const slide of deck.slides) {
    for (const img of slide.images) {
      const target = localTarget(img.src);
      if (target && !fs.existsSync(path.join(SLIDES_DIR, target))) {
        problems.push(`line ${img.line}: image ${img.src} not found (relative to slides/)`);
      }
    }
  }
  if (problems.length) throw new Error(`${deck.name}:\n  ${problems.join('\n  ')}`);

  const lines = deck.source.replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  const diagrams = [];
  let fence = null;
  let inComment = false;
  for (const [i, line] of lines.entries()) {
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      if (close.test(line)) {
        if (fence.mermaid) {
          const n = diagrams.length + 1;
          // ids are unique across decks and start with a letter (Mermaid scopes its CSS by id)
          const id = `deck-${deck.slug}-diagram-${n}`;
          diagrams.push({ deck: deck.name, n, id, line: fence.start, code: fence.body.join('\n') });
          out.push('', `@@diagram:${id}@@`, '');
        } else {
          out.push(...fence.raw, line);
        }
        fence = null;
      } else {
        fence.body.push(line);
        fence.raw.push(line);
      }
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      out.push(line);
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
    if (open) {
      fence = { char: open[1][0], length: open[1].length, mermaid: open[2].toLowerCase() === 'mermaid', body: [], raw: [line], start: i + 1 };
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) {
      inComment = true;
      out.push(line);
      continue;
    }
    out.push(rewriteLinks(line));
  }
  return { markdown: out.join('\n'), diagrams };
}

/** Runs `task` over `items`, at most `limit` at a time; the first failure rejects. */
async function pool(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A relative path into slides/ that the build copies (charts/, images/), or null. */
function localTarget(url) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(url)) return null;
  return url.split('#')[0].split('?')[0];
}

/** Re-points relative links for a page that lives in slides/build/ instead of slides/. */
function rewriteTarget(url) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(url)) return url;
  const [file, ...rest] = url.split('#');
  const frag = rest.length ? `#${rest.join('#')}` : '';
  if (DECK_NAME.test(file)) return file.replace(/\.md$/, '.html') + frag;
  if (/^(charts|images)\//.test(file)) return url;
  return `../${url}`;
}

function rewriteLinks(line) {
  return line
    .replace(/(\]\(\s*<?)([^)\s>]+)/g, (_, pre, url) => pre + rewriteTarget(url))
    .replace(/(\s(?:href|src)=")([^"]+)"/g, (_, pre, url) => `${pre}${rewriteTarget(url)}"`);
}

/** `code` spans of the catalogue's cells, for the index page (input already HTML-escaped). */
function inlineCode(html) {
  return html.replace(/`([^`]+)`/g, '<code>$1</code>');
}

function indexPage(decks) {
  const bySlug = new Map(decks.map((d) => [d.slug, d]));
  const catalogue = readCatalogue();
  const rows = catalogue ? catalogue.rows.map((r) => ({ ...r, deck: bySlug.get(r.slug) })) : [];
  for (const d of decks) {
    if (!rows.some((r) => r.slug === d.slug)) rows.push({ number: d.number, slug: d.slug, failure: d.description, deck: d, extra: true });
  }
  rows.sort((a, b) => a.number.localeCompare(b.number));
  const note = catalogue
    ? `Labs in learning order, from <code>${escapeHtml(path.relative(REPO_DIR, catalogue.file) || catalogue.file)}</code>.`
    : 'The course catalogue (CATALOGUE.md at the repository root, or $COURSE_CATALOGUE) was not found, so this page lists the decks in slides/.';
  const body = rows.map((r) => {
    const lab = `../../labs/${r.slug}/README.md`;
    const solution = `../../solutions/${r.slug}/README.md`;
    const title = r.deck
      ? `<a class="deck" href="${escapeHtml(r.deck.html)}">${escapeHtml(r.deck.title)}</a>`
      : `<span class="todo">${escapeHtml(r.slug.slice(3))}</span>`;
    const links = r.deck
      ? `<a href="${escapeHtml(lab)}">lab sheet</a> · <a href="${escapeHtml(solution)}">solution walkthrough</a>`
      : '<span class="todo">deck not written yet</span>';
    return `<tr${r.deck ? '' : ' class="missing"'}><td class="num">${escapeHtml(r.number)}</td><td>${title}</td><td class="links">${links}</td><td class="failure">${inlineCode(escapeHtml(r.failure || ''))}</td></tr>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scaling APIs: slide decks</title>
<style>
  :root { --ink:#1c2430; --muted:#5b6573; --accent:#0f6e6a; --accent-soft:#e3f1ef; --rule:#d5dbe1; }
  body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; color: var(--ink); margin: 0; background: #fff; }
  header { background: linear-gradient(90deg, var(--accent) 0 14px, var(--accent-soft) 14px); padding: 28px 48px 20px 62px; }
  h1 { margin: 0 0 8px 0; font-size: 34px; }
  header p { margin: 4px 0; color: var(--muted); }
  main { padding: 20px 48px 48px 48px; }
  table { border-collapse: collapse; width: 100%; font-size: 16px; }
  th, td { text-align: left; vertical-align: top; padding: 9px 12px; border-bottom: 1px solid var(--rule); }
  th { color: var(--accent); border-bottom: 2px solid var(--accent); }
  td.num { font-weight: bold; color: var(--accent); width: 2.5em; }
  td.links { white-space: nowrap; }
  td.failure { color: var(--muted); }
  a { color: var(--accent); }
  a.deck { font-weight: bold; font-size: 18px; }
  tr.missing td { color: #9aa3ad; }
  .todo { color: #9aa3ad; }
  code { font-family: 'Liberation Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.92em; }
  kbd { border: 1px solid var(--rule); border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; font-size: 14px; background: #fafbfc; }
</style>
</head>
<body>
<header>
<h1>Scaling APIs: slide decks</h1>
<p>${note}</p>
<p>Presenting: open a deck, then <kbd>F</kbd> full screen · <kbd>P</kbd> presenter view (notes, next slide, timer) · <kbd>O</kbd> overview · <kbd>→</kbd> / <kbd>Space</kbd> next.</p>
</header>
<main>
<table>
<thead><tr><th>#</th><th>deck</th><th>lab</th><th>the failure you reproduce</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</main>
</body>
</html>
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  render(process.argv.slice(2)).catch((e) => {
    console.error(`render failed: ${e.message}`);
    process.exit(1);
  });
}
