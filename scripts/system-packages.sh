#!/usr/bin/env bash
# Debian packages the service and its tests need: gettext (compiling translations), Pango (PDF),
# Chromium (browser tests), poppler-utils (reading PDFs in tests), PostgreSQL client tools.
set -euo pipefail
needed=()
command -v msgfmt >/dev/null 2>&1 || needed+=(gettext)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || needed+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "${KARJERA_BROWSER_TESTS:-1}" = 1 ]; then
  [ -x /usr/bin/chromium ] || needed+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
fi
[ ${#needed[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${needed[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}"
