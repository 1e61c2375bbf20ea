#!/usr/bin/env bash
# Screenshots of the report's stability and cohort sections after the multi-cycle demo, as committed in docs/images/
# (docs/measurement.md and README.md show them). Renders with headless Chromium (Debian's `chromium` package, as the
# report rendering test does), networking off; nothing leaves the machine.
#
# Usage: scripts/screenshot-report.sh [DIR] [CUSTOMERS]
#   DIR        demo folder; the demo is run there first unless DIR already holds seglift-report.html
#              (default: a new temporary folder)
#   CUSTOMERS  customers to generate when the demo runs (default: the demo's default)
# Environment: SEGMENT (default champions_vip, as committed), OUT (default docs/images of this checkout).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dir="${1:-$(mktemp -d)/seglift-demo}"
customers="${2:-}"
segment="${SEGMENT:-champions_vip}"
out="${OUT:-$root/docs/images}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium" ]]; then
  echo "screenshot-report: chromium is not installed (Debian: apt-get install chromium)" >&2
  exit 2
fi

if [[ ! -f "$dir/seglift-report.html" ]]; then
  init=(init --demo "$dir" --force)
  [[ -n "$customers" ]] && init+=(--customers "$customers")
  "$root/seglift" "${init[@]}" >/dev/null
  "$root/seglift" demo "$dir" >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# shot PART WIDTH HEIGHT FILE: a copy of the report showing only PART (cohorts or stability) of the segment's card.
shot() {
  local part="$1" width="$2" height="$3" file="$4" page="$work/$1.html"
  local script="<script>(function(){
var h=document.getElementById('seg-${segment}');if(!h)return;var card=h.nextElementSibling,keep=[];
var kids=Array.prototype.slice.call(card.children),on=false;
kids.forEach(function(k){var t=k.textContent||'';
 if('${part}'==='cohorts'){if(k.tagName==='H3'&&t==='Lift by cohort')on=true;
  else if(on&&k.classList.contains('grid2'))on=false;if(on)keep.push(k);}
 else if(k.classList.contains('grid2')&&t.indexOf('Stability between builds')>=0)keep.push(k);});
var box=document.createElement('div');box.className='card';keep.forEach(function(k){box.appendChild(k);});
var title=h.cloneNode(true);document.body.innerHTML='';document.body.style.padding='12px';
document.body.appendChild(title);document.body.appendChild(box);})();</script>"
  { cat "$dir/seglift-report.html"; printf '%s\n' "$script"; } >"$page"   # parsers move a trailing script into the body
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$work/profile" \
    --hide-scrollbars --window-size="$width,$height" --screenshot="$out/$file" "file://$page" >/dev/null 2>&1
  echo "$out/$file ($(wc -c <"$out/$file") bytes)"
}

shot stability 1100 470 report-stability.png
shot cohorts 1100 640 report-cohorts.png
