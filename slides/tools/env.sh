# Sourced by ../render and ../test. Makes sure the tools the decks need are present:
#   - Node.js 20+ and npm                     (installed with apt-get when missing and running as root)
#   - Debian's chromium at /usr/bin/chromium  (same; $CHROMIUM points elsewhere if you have to)
#   - node_modules installed from package-lock.json with `npm ci` (re-run when the lockfile changes)
# Nothing here downloads a browser: puppeteer's own download is switched off (see .puppeteerrc.cjs).

export PUPPETEER_SKIP_DOWNLOAD=true
export PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=true
export PUPPETEER_SKIP_CHROME_DOWNLOAD=true
export PUPPETEER_SKIP_CHROME_HEADLESS_SHELL_DOWNLOAD=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export PUPPETEER_EXECUTABLE_PATH="$CHROMIUM"

slides_die() { echo "slides: $*" >&2; exit 1; }

slides_apt_install() {  # slides_apt_install <what it is for> <debian packages...>
  local why="$1"; shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "slides: installing $* ($why) with apt-get" >&2
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; } >&2 \
      || slides_die "apt-get install $* failed"
  else
    slides_die "$why is missing. Install it, e.g. on Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y $*"
  fi
}

slides_ensure_tools() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    slides_apt_install "Node.js and npm" nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || slides_die "Node.js 20 or newer is needed (found $(node --version)); install a newer nodejs"

  if [ ! -x "$CHROMIUM" ]; then
    if [ "$CHROMIUM" = /usr/bin/chromium ]; then
      slides_apt_install "Chromium (/usr/bin/chromium), used to render diagrams and test the decks" chromium
      # Debian's chromium drags in fonts-liberation; the theme and the diagrams use Liberation Sans.
    else
      slides_die "\$CHROMIUM=$CHROMIUM is not an executable"
    fi
  fi
  [ -x "$CHROMIUM" ] || slides_die "no Chromium at $CHROMIUM"
}

slides_ensure_node_modules() {
  local stamp=node_modules/.slides-lock-sha256 want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "slides: npm ci (installing the pinned tools from package-lock.json)" >&2
    npm ci --no-audit --no-fund --loglevel=error >&2 || slides_die "npm ci failed"
    echo "$want" > "$stamp"
  fi
}

slides_ensure_all() {
  slides_ensure_tools
  slides_ensure_node_modules
}
