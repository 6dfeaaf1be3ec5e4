// Never let puppeteer download its own browser: the decks are rendered and tested with
// Debian's chromium at /usr/bin/chromium (see render and test).
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
