#!/usr/bin/env bash
# Runs hostile SQL (every quoting form) through the real CLI against a DuckDB demo project and shows each refused
# with nothing changed. Plain cases are stopped early by ReadOnlySql's friendly check; the E'', $$ and file cases
# reach the engine, which refuses them. PostgreSQL cases are covered by PostgresConformanceTest (the kit's read-only check).
# Usage: scripts/probe-hostile-sql.sh [DIR]   (./seglift builds app/target/seglift/lib when needed)
set -u
cd "$(dirname "$0")/.."
DIR="${1:-$(mktemp -d)/probe}"
./seglift init --demo "$DIR" --customers 500 >/dev/null || exit 1
P="$DIR/seglift.yaml"
# the demo's destination settings reference ${env:..}; sql does not use them, but the project loader resolves them
set -a; . "$DIR/demo.env"; set +a
counts() { ./seglift sql --project "$P" --format csv \
  "SELECT (SELECT count(*) FROM raw.suppressions) AS suppressions, (SELECT count(*) FROM raw.orders) AS orders" | tail -1; }
fail=0
while IFS= read -r q; do
  [ -z "$q" ] && continue
  before=$(counts)
  msg=$(cd "$DIR" && "$OLDPWD/seglift" sql --project "$P" "$q" 2>&1 >/dev/null); rc=$?
  after=$(counts)
  files=$(ls "$DIR" | grep -E '^(leak\.csv|other\.duckdb)$' || true)
  verdict=ok; { [ -z "$before" ] || [ $rc -eq 0 ] || [ "$before" != "$after" ] || [ -n "$files" ]; } && { verdict=FAIL; fail=1; }
  printf '%-4s exit=%d counts %s -> %s | %s\n     %s\n' "$verdict" "$rc" "$before" "$after" "$q" "$(echo "$msg" | head -1 | cut -c1-150)"
done <<'SQL'
select E'\'' ; delete from raw.suppressions; select 1 --'
select $$ ' $$; delete from raw.suppressions; select 1 --
select $t$ ' $t$; delete from raw.suppressions; select 1 --
select 1 /* /* */ ; delete from raw.suppressions; select 1 /* */
select 'a;b'; delete from raw.suppressions
delete from raw.suppressions
update raw.orders set amount = 0
WITH d AS (DELETE FROM raw.suppressions RETURNING *) SELECT * FROM d
select E'\''; COPY raw.suppressions TO 'leak.csv'; select 1 --'
COPY raw.suppressions TO 'leak.csv'
ATTACH 'other.duckdb' AS o
select E'\''; INSTALL httpfs; select 1 --'
LOAD httpfs
PRAGMA threads = 1
SET enable_external_access = true
SELECT * FROM read_text('demo.env')
SELECT * FROM read_csv('/etc/passwd')
SELECT * FROM glob('/root/**')
SQL
echo "counts are suppressions,orders; ok = non-zero exit, counts unchanged, no leak.csv / other.duckdb"
exit $fail
