// Shared helpers for render.mjs and test.mjs: where things are, which decks exist, what a deck's
// Markdown says (front matter, slides, diagrams, images) and what the course catalogue lists.
//
// The slide splitter here is written independently of Marp on purpose: the test compares its
// count with the number of slides Marp actually rendered.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SLIDES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(SLIDES_DIR, '..');
export const BUILD_DIR = path.join(SLIDES_DIR, 'build');
export const THEME_DIR = path.join(SLIDES_DIR, 'theme');
export const CHARTS_DIR = path.join(SLIDES_DIR, 'charts');
export const IMAGES_DIR = path.join(SLIDES_DIR, 'images');
export const SCREENSHOT_DIR = path.join(BUILD_DIR, 'screenshots');

/** A deck file name: two digits, a dash, the lab's slug, `.md` (e.g. `04-rate-limiting.md`). */
export const DECK_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Every deck in slides/, in course order. */
export function listDecks() {
  return fs
    .readdirSync(SLIDES_DIR)
    .filter((f) => DECK_NAME.test(f))
    .sort()
    .map((f) => readDeck(path.join(SLIDES_DIR, f)));
}

/** Parses one deck: metadata plus a per-slide breakdown taken from the Markdown source. */
export function readDeck(file) {
  const name = path.basename(file);
  const m = DECK_NAME.exec(name);
  if (!m) throw new Error(`${name}: a deck is named NN-slug.md`);
  const source = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const { frontMatter, body, bodyStartLine } = splitFrontMatter(source);
  const slides = splitSlides(body, bodyStartLine);
  const h1 = /^#\s+(.+?)\s*#*\s*$/m.exec(body);
  return {
    file,
    name,
    number: m[1],
    slug: `${m[1]}-${m[2]}`,
    html: `${m[1]}-${m[2]}.html`,
    source,
    frontMatter,
    title: unquote(frontMatter.title) || (h1 ? h1[1] : `${m[1]}-${m[2]}`),
    description: unquote(frontMatter.description) || '',
    slides,
  };
}

function unquote(v) {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

/** Splits `---` front matter (flat `key: value` lines are enough for the directives decks use). */
export function splitFrontMatter(source) {
  const lines = source.split('\n');
  if (lines[0] !== '---') return { frontMatter: {}, body: source, bodyStartLine: 1 };
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new Error('front matter opened with --- but never closed');
  const frontMatter = {};
  for (const line of lines.slice(1, end)) {
    const kv = /^([A-Za-z_$][\w$-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) frontMatter[kv[1]] = kv[2];
  }
  return { frontMatter, body: lines.slice(end + 1).join('\n'), bodyStartLine: end + 2 };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?.*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;
const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * Splits a deck body into slides the way Marp does: at thematic breaks (`---`, `***`, `___`) that
 * are outside code fences and HTML comments. A `---` straight after a text line is a setext
 * heading, not a break; it is reported as a problem because GitHub and Marp would both turn the
 * line above into a heading.
 */
export function splitSlides(body, firstLine = 1) {
  const lines = body.split('\n');
  const slides = [];
  const problems = [];
  let current = newSlide(firstLine);
  let fence = null; // { char, length, lang, start, lines }
  let inComment = false;
  let prev = '';
  lines.forEach((line, i) => {
    const lineNo = firstLine + i;
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      if (close.test(line)) {
        if (fence.lang === 'mermaid') current.diagrams.push({ line: fence.start, code: fence.lines.join('\n') });
        fence = null;
      } else {
        fence.lines.push(line);
      }
      current.lines.push(line);
      prev = line;
      return;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      current.lines.push(line);
      prev = line;
      return;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = { char: open[1][0], length: open[1].length, lang: (open[2] || '').toLowerCase(), start: lineNo, lines: [] };
      current.lines.push(line);
      prev = line;
      return;
    }
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) {
      inComment = true;
      current.lines.push(line);
      prev = line;
      return;
    }
    if (THEMATIC_BREAK.test(line)) {
      if (line.trim().startsWith('-') && prev.trim() !== '' && !THEMATIC_BREAK.test(prev)) {
        problems.push(`line ${lineNo}: "---" right after a text line makes that line a heading; put a blank line before it`);
      } else {
        slides.push(current);
        current = newSlide(lineNo + 1);
        prev = '';
        return;
      }
    }
    for (const img of line.matchAll(IMAGE)) {
      const keywords = img[1].split(/\s+/);
      current.images.push({ line: lineNo, alt: img[1], src: img[2], background: keywords.includes('bg') });
    }
    current.lines.push(line);
    prev = line;
  });
  if (fence) problems.push(`line ${fence.start}: code fence never closed`);
  slides.push(current);
  for (const s of slides) s.text = s.lines.join('\n');
  slides.problems = problems;
  return slides;
}

function newSlide(startLine) {
  return { startLine, lines: [], diagrams: [], images: [] };
}

/**
 * The course catalogue (labs in learning order). Looked up at $COURSE_CATALOGUE, then CATALOGUE.md
 * at the repository root, then the catalogue table of the root README.md (whose lab cells may be
 * links). Returns null when there is none.
 */
export function readCatalogue() {
  const candidates = [
    process.env.COURSE_CATALOGUE,
    path.join(REPO_DIR, 'CATALOGUE.md'),
    path.join(REPO_DIR, 'docs', 'CATALOGUE.md'),
    path.join(REPO_DIR, 'README.md'),
  ].filter(Boolean);
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const rows = [];
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      // "[rate-limiting](labs/04-rate-limiting/README.md)" counts as "rate-limiting".
      const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/^\[([^\]]+)\]\([^)]*\)$/, '$1'));
      if (cells.length >= 3 && /^\d{2}$/.test(cells[0]) && /^[a-z0-9-]+$/.test(cells[1])) {
        rows.push({ number: cells[0], slug: `${cells[0]}-${cells[1]}`, failure: cells[2], fix: cells[3] || '', runsOn: cells[4] || '' });
      }
    }
    if (rows.length) return { file, rows };
  }
  return null;
}

/** `### Task N: Title (P points)` headings of a lab sheet (the lab kit's format), or null. */
export function readLabSheetTasks(slug) {
  const file = path.join(REPO_DIR, 'labs', slug, 'README.md');
  if (!fs.existsSync(file)) return null;
  const tasks = [];
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^###\s+Task\s+(\d+)\s*:\s*(.+?)\s*\((\d+)\s+points?\)\s*$/gm)) {
    tasks.push({ number: Number(m[1]), title: m[2], points: Number(m[3]) });
  }
  return { file, tasks };
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Launch options for Chromium, from tools/puppeteer-config.json, with $CHROMIUM overriding the path. */
export function chromiumLaunchOptions(userDataDir) {
  const config = JSON.parse(fs.readFileSync(path.join(SLIDES_DIR, 'tools', 'puppeteer-config.json'), 'utf8'));
  if (process.env.CHROMIUM) config.executablePath = process.env.CHROMIUM;
  return { ...config, args: [...config.args, `--user-data-dir=${userDataDir}`] };
}
