#!/usr/bin/env bash
# The mass-change guard on the demo project (docs/sync.md, "The mass-change guard"): a segment rule change (a typo that
# empties the segment) that would remove the whole audience is refused by `seglift sync` (exit 6, nothing sent), shown by `seglift plan`, and goes
# through with --allow-large-changes (exit 0).
#
# Usage: scripts/demo-mass-removal-guard.sh [DIR]   (default: a new temporary folder; 2,000 customers)
# Serves the Klaviyo sandbox on the port demo.env names (127.0.0.1:18682) while it runs; nothing leaves the machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
seglift="$root/seglift"
dir="${1:-$(mktemp -d)/guard-demo}"
sync=champions_to_klaviyo
segment=champions_vip

step() { printf '\n$ %s\n' "$*"; }
run() { step "seglift $*"; "$seglift" "$@"; }

run init --demo "$dir" --customers 2000 --force
run demo "$dir" >/dev/null
cd "$dir"
set -a
# shellcheck disable=SC1091
source demo.env
set +a

step "seglift sandbox klaviyo &"
sandbox_log="$(mktemp)"
"$seglift" sandbox klaviyo >"$sandbox_log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; rm -f "$sandbox_log"' EXIT
for _ in $(seq 1 120); do
  grep -q "Serving until" "$sandbox_log" && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$sandbox_log" >&2; echo "the Klaviyo sandbox did not start" >&2; exit 1; }
  sleep 0.5
done
cat "$sandbox_log"

run plan "$sync"

step "edit seglift.yaml: a typo in the rule of $segment ('Champion' for 'Champions') empties the segment"
sed -i.bak "s/rfm_segment = 'Champions' and purchase_30d_decile/rfm_segment = 'Champion' and purchase_30d_decile/" seglift.yaml
grep -n "purchase_30d_decile" seglift.yaml

run segments build
run plan "$sync"

set +e
run sync "$sync"
code=$?
set -e
echo "exit code: $code"
if [[ $code -ne 6 ]]; then
  echo "expected exit 6 (refused), got $code" >&2
  exit 1
fi

run sync "$sync" --allow-large-changes
echo "exit code: 0"
run runs "$sync"
