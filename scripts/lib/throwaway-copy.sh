# Shared by new-destination.sh and new-warehouse.sh: a throw-away clone of the caller's committed HEAD (the caller's
# checkout is never written to), timed steps that stop the script on the first failure, the build, and the check
# that the change touches nothing outside the new module and its aggregator pom.
# shellcheck shell=bash

set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
script_start=$SECONDS

die() {
  echo "FAILED: $*" >&2
  exit 1
}

# step "what" command...: runs the command (errexit applies inside it) and prints its duration; the first failure
# ends the script non-zero, naming the step (see cleanup).
current_step=""
step() {
  current_step="$1"; shift
  local t0=$SECONDS
  echo "== $current_step"
  "$@"
  echo "   ok ($((SECONDS - t0))s)"
  current_step=""
}

# check_name NAME: a connector type usable as a folder, a Java package and a type: value.
check_name() {
  [[ "$1" =~ ^[a-z][a-z0-9]{1,30}$ ]] || die "NAME '$1' must be 2 to 31 lower-case letters or digits, starting with a letter"
}

# capitalized NAME: the class-name prefix, e.g. acme -> Acme.
capitalized() {
  echo "${1^}"
}

# make_workspace: $work (temporary, removed on exit) holding $clone, a clone of the caller's HEAD.
make_workspace() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/seglift-new-connector.XXXXXX")"
  clone="$work/repo"
  trap 'cleanup' EXIT
  local head
  head="$(git -C "$repo_root" rev-parse HEAD)"
  echo "   copying commit $head of $repo_root (uncommitted changes are not included) to $clone"
  git clone -q --shared --no-checkout "$repo_root" "$clone"
  git -C "$clone" checkout -q --detach "$head"
}

background_pids=()
cleanup() {
  local status=$? pid
  for pid in "${background_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ $status != 0 ]]; then
    [[ -s "${work:-/nonexistent}/stderr.log" ]] && tail -20 "$work/stderr.log" >&2
    echo "FAILED${current_step:+: $current_step} (exit $status)" >&2
  fi
  [[ -n "${work:-}" ]] && rm -rf "$work"
  echo "== total $((SECONDS - script_start))s"
  exit "$status"
}

# build: the clone's distribution folder, $lib (as ./seglift builds it: tests neither compiled nor run).
build() {
  (cd "$clone" && mvn -B -q -o -Dstyle.color=never -Dmaven.test.skip=true package -pl app -am) >"$work/build.log" 2>&1 || {
    tail -40 "$work/build.log" >&2
    return 1
  }
  lib="$clone/app/target/seglift/lib"
  compgen -G "$lib/seglift-app-*.jar" >/dev/null
}

# seglift ARGS: the clone's CLI; its stderr (progress lines) goes to $work/stderr.log, shown when a step fails.
seglift() {
  java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$lib/*" io.seglift.cli.Main "$@" 2>>"$work/stderr.log"
}

# add_to_aggregator POM NAME: the new module's <module> and <dependency> lines, after the last of each.
add_to_aggregator() {
  local pom="$1" name="$2"
  grep -q "<module>$name</module>" "$pom" && die "$pom already lists $name"
  awk -v name="$name" '
    { lines[NR] = $0 }
    /<module>/ { lastModule = NR }
    /<dependency>.*<artifactId>seglift-/ { lastDependency = NR }
    END {
      for (i = 1; i <= NR; i++) {
        print lines[i]
        if (i == lastModule) {
          match(lines[i], /^ */); printf "%s<module>%s</module>\n", substr(lines[i], 1, RLENGTH), name
        }
        if (i == lastDependency) {
          line = lines[i]; gsub(/seglift-[a-z0-9]+</, "seglift-" name "<", line); print line
        }
      }
    }' "$pom" >"$pom.new"
  mv "$pom.new" "$pom"
  grep -q "<module>$name</module>" "$pom" && grep -q "<artifactId>seglift-$name</artifactId>" "$pom"
}

# move_packages DIR FROM_PATH TO_PATH: moves the Java package folders FROM_PATH (e.g. io/seglift/x) under every source
# root of DIR to TO_PATH.
move_packages() {
  local dir="$1" from="$2" to="$3" root
  for root in "$dir"/src/main/java "$dir"/src/test/java; do
    [[ -d "$root/$from" ]] || continue
    mkdir -p "$root/$(dirname "$to")"
    mv "$root/$from" "$root/$to"
  done
}

# rename_classes DIR FROM TO: files named FROM*.java become TO*.java.
rename_classes() {
  local dir="$1" from="$2" to="$3" f
  while IFS= read -r f; do
    mv "$f" "$(dirname "$f")/$to${f##*/"$from"}"
  done < <(find "$dir" -type f -name "$from*.java")
}

# only_changed ALLOWED...: git diff --stat of everything the change adds or edits; fails when a path lies outside
# the allowed paths (a folder ends with /).
only_changed() {
  git -C "$clone" add -A
  git -C "$clone" diff --cached --stat | tail -25
  local path allowed ok outside=0
  while IFS= read -r path; do
    ok=0
    for allowed in "$@"; do
      if [[ "$allowed" == */ && "$path" == "$allowed"* ]] || [[ "$path" == "$allowed" ]]; then ok=1; fi
    done
    if [[ $ok == 0 ]]; then
      echo "   outside the new module and its aggregator: $path" >&2
      outside=1
    fi
  done < <(git -C "$clone" diff --cached --name-only)
  [[ $outside == 0 ]]
}

# free_port: a loopback port nobody listens on, from 18700 up.
free_port() {
  local port
  for port in $(seq 18700 18999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}
