#!/usr/bin/env bash
# Usage: scripts/new-destination.sh [NAME]   (NAME: lower-case letters and digits; default acme)
#
# Shows that a destination is one module plus its entry in connectors/destinations/pom.xml, in a throw-away clone of
# this repository's HEAD (your checkout is not touched): copies the webhook module to type NAME (folder, artifactId,
# package, class names, type() value, services files, sandbox port and variables), adds the aggregator entry, builds,
# then shows the new type in `seglift schema`, served by `seglift sandbox`, and synced to with `seglift sync` from a
# demo project whose demo.env (written by `seglift init --demo`) already names the new sandbox; last, `git diff --stat`
# must list nothing outside the new module and the aggregator pom. Exits non-zero on the first failed step.
# docs/adding-a-destination.md follows the same steps by hand.

# shellcheck source=lib/throwaway-copy.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/throwaway-copy.sh"

name="${1:-acme}"
check_name "$name"
Name="$(capitalized "$name")"
NAME="${name^^}"
module="connectors/destinations/$name"
aggregator="connectors/destinations/pom.xml"
[[ -e "$repo_root/$module" ]] && die "$module already exists"

copy_webhook_module() {
  cp -R "$clone/connectors/destinations/webhook" "$clone/$module"
  rm -rf "$clone/$module/target"
  move_packages "$clone/$module" io/seglift/destination/webhook "io/seglift/destination/$name"
  rename_classes "$clone/$module" Webhook "$Name"
  # package, class names, type() value, artifactId, services files, the sandbox's variables, messages; the
  # Standard Webhooks signer (toolkit-http), its headers and its specification's name are kept as they are
  find "$clone/$module" -type f -print0 | xargs -0 sed -i \
    -e "s/StandardWebhookSignature/@@SW1@@/g" -e "s/standard-webhooks/@@SW2@@/g" -e "s/Standard Webhooks/@@SW3@@/g" \
    -e "s/standardwebhooks/@@SW4@@/g" -e "s/webhook-\(id\|timestamp\|signature\)/@@SW5@@\1/g" \
    -e "s/webhook/$name/g" -e "s/Webhook/$Name/g" -e "s/WEBHOOK/$NAME/g" \
    -e "s/@@SW1@@/StandardWebhookSignature/g" -e "s/@@SW2@@/standard-webhooks/g" -e "s/@@SW3@@/Standard Webhooks/g" \
    -e "s/@@SW4@@/standardwebhooks/g" -e "s/@@SW5@@/webhook-/g"
  # its sandbox needs a default port of its own (SandboxProviders refuses two on one port)
  port="$(free_port)"
  local provider="$clone/$module/src/main/java/io/seglift/destination/$name/sandbox/${Name}SandboxProvider.java"
  sed -i -e "s/return 18684;/return $port;/" "$provider"
  grep -q "return $port;" "$provider"
  echo "   $module: type '$name', package io.seglift.destination.$name, sandbox default port $port"
  # nothing of the webhook module is left but the Standard Webhooks names kept above
  ! grep -rhi webhook "$clone/$module" | grep -viqE 'standard ?-?webhook|webhook-(id|timestamp|signature)|@@SW'
}

show_schema() {
  seglift schema >"$work/schema.json"
  grep -n "\"$name\"" "$work/schema.json" | head -5
  grep -q "\"$name\"" "$work/schema.json"
}

start_sandbox() {
  timeout 180 java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$lib/*" io.seglift.cli.Main sandbox "$name" >"$work/sandbox.log" 2>&1 &
  sandbox_pid=$!
  background_pids+=("$sandbox_pid")
  local i
  for i in $(seq 1 60); do
    if grep -q "Serving until Ctrl-C" "$work/sandbox.log"; then
      sed 's/^/   /' "$work/sandbox.log"
      grep -q "^$name .*http://127.0.0.1:$port" "$work/sandbox.log"
      return
    fi
    kill -0 "$sandbox_pid" || break
    sleep 0.5
  done
  cat "$work/sandbox.log" >&2
  return 1
}

demo_project() {
  demo="$work/demo"
  seglift init --demo "$demo" --customers 2000 --seed 7 >/dev/null
  grep -E "^export ${NAME}_" "$demo/demo.env" | sed 's/^/   demo.env: /'
  grep -q "^export ${NAME}_BASE_URL=http://127.0.0.1:$port$" "$demo/demo.env"
  # shellcheck disable=SC1091
  source "$demo/demo.env"
  cd "$demo"
  # the demo data holds malformed emails and customers without any identifier the receiver takes, on purpose; the
  # receiver would reject them and `seglift sync` exit 3 (partial), so the script keeps the others (seglift load)
  seglift sql --format csv "SELECT * FROM raw.customers
    WHERE regexp_full_match(email, '[^@\s]+@[^@\s]+\.[^@\s]+')" >customers.csv
  seglift load raw.customers customers.csv | sed 's/^/   /'
  awk -v name="$name" -v up="$NAME" '
    /^syncs:/ { printf "  %s_out:\n    type: %s\n    base_url: ${env:%s_BASE_URL}\n    signing_secret: ${env:%s_SIGNING_SECRET}\n\n", name, name, up, up }
    { print }
    END { printf "  - name: lapsed_to_%s\n    segment: lapsed_reengage\n    destination: %s_out\n    mode: upsert\n", name, name }
  ' seglift.yaml >seglift.yaml.new && mv seglift.yaml.new seglift.yaml
  seglift validate >/dev/null
  seglift segments build lapsed_reengage | sed 's/^/   /'   # the segment synced here reads RFM only: the model-based ones need `seglift models score` first
}

sync_to_it() {
  cd "$work/demo"
  seglift sync "lapsed_to_$name" | tee "$work/sync.out" | sed 's/^/   /'
  grep -Eq "added [1-9]" "$work/sync.out"
}

stop_sandbox() {
  kill "$sandbox_pid"
  wait "$sandbox_pid" || true
  ! kill -0 "$sandbox_pid" 2>/dev/null
}

echo "New destination type '$name' from the webhook module"
step "throw-away clone" make_workspace
step "copy connectors/destinations/webhook to $module" copy_webhook_module
step "add $name to $aggregator" add_to_aggregator "$clone/$aggregator" "$name"
step "build (mvn -B -q -o -Dmaven.test.skip=true package -pl app -am)" build
step "seglift schema lists type '$name'" show_schema
step "seglift sandbox $name serves it on port $port" start_sandbox
step "seglift init --demo, plus a $name destination and a sync to it" demo_project
step "seglift sync lapsed_to_$name (exit 0)" sync_to_it
step "stop the sandbox" stop_sandbox
step "git diff --stat: only $module/ and $aggregator" only_changed "$module/" "$aggregator"
echo "PASSED: destination '$name' is one module plus its entry in $aggregator"
