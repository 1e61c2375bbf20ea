#!/usr/bin/env bash
# Usage: scripts/new-warehouse.sh [NAME]   (NAME: lower-case letters and digits; default quackdb)
#
# Shows that a warehouse is one module plus its entry in connectors/warehouses/pom.xml, in a throw-away clone of this
# repository's HEAD (your checkout is not touched): copies the DuckDB module to type NAME (folder, artifactId, package,
# class names, type() value, services file), adds the aggregator entry, builds, then shows the new type in
# `seglift schema` and working: a project with `warehouse: {type: NAME}` loads two CSV files (`seglift load`), answers
# `seglift sql "select 1"` and a query on the loaded rows, and passes `seglift audit`; last, `git diff --stat` must list
# nothing outside the new module and the aggregator pom. Exits non-zero on the first failed step.
# docs/adding-a-warehouse.md follows the same steps by hand.

# shellcheck source=lib/throwaway-copy.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/throwaway-copy.sh"

name="${1:-quackdb}"
check_name "$name"
Name="$(capitalized "$name")"
module="connectors/warehouses/$name"
aggregator="connectors/warehouses/pom.xml"
[[ -e "$repo_root/$module" ]] && die "$module already exists"

copy_duckdb_module() {
  cp -R "$clone/connectors/warehouses/duckdb" "$clone/$module"
  rm -rf "$clone/$module/target"
  move_packages "$clone/$module" io/seglift/warehouse/duckdb "io/seglift/warehouse/$name"
  rename_classes "$clone/$module" DuckDb "$Name"
  # package, class names and artifactId; the driver's own names (org.duckdb, DuckDBConnection, jdbc:duckdb:) and the
  # SQL dialect's name stay, since the copy still speaks to DuckDB
  find "$clone/$module" -type f -print0 | xargs -0 sed -i -e "s/io\.seglift\.warehouse\.duckdb/io.seglift.warehouse.$name/g" \
    -e "s/DuckDb/$Name/g" -e "s/seglift-duckdb/seglift-$name/g"
  # the type: value
  local factory="$clone/$module/src/main/java/io/seglift/warehouse/$name/${Name}WarehouseFactory.java"
  sed -i -e "s/\"duckdb\"/\"$name\"/g" "$factory"
  grep -q "return \"$name\";" "$factory"
  echo "   $module: type '$name', package io.seglift.warehouse.$name"
}

show_schema() {
  seglift schema >"$work/schema.json"
  grep -n "\"$name\"" "$work/schema.json" | head -5
  grep -q "\"$name\"" "$work/schema.json"
}

project_on_it() {
  project="$work/project"
  mkdir -p "$project"
  cd "$project"
  cat >seglift.yaml <<YAML
project: new_warehouse
warehouse:
  type: $name
  path: shop.db
sources:
  customers:
    table: raw.customers
    key: customer_id
    email: email
  orders:
    table: raw.orders
    customer: customer_id
    at: ordered_at
    amount: total
YAML
  printf 'customer_id,email\nC1,ada@example.com\nC2,ben@example.com\nC3,cy@example.com\n' >customers.csv
  printf 'customer_id,ordered_at,total\nC1,2025-01-02,10.50\nC1,2025-03-02,20\nC2,2025-02-01,7\nC3,2025-04-11,42\n' >orders.csv
  seglift validate >/dev/null
  seglift load raw.customers customers.csv | sed 's/^/   /'
  seglift load raw.orders orders.csv | sed 's/^/   /'
}

query_it() {
  cd "$work/project"
  seglift sql "select 1 as one" | sed 's/^/   /'
  seglift sql "select count(*) as orders, sum(total) as revenue from raw.orders" | tee "$work/sql.out" | sed 's/^/   /'
  grep -Eq "^ *4 +79\.5" "$work/sql.out"
}

audit_it() {
  cd "$work/project"
  seglift audit | grep -E "order rows|malformed|duplicate" | sed 's/^/   /'
}

echo "New warehouse type '$name' from the DuckDB module"
step "throw-away clone" make_workspace
step "copy connectors/warehouses/duckdb to $module" copy_duckdb_module
step "add $name to $aggregator" add_to_aggregator "$clone/$aggregator" "$name"
step "build (mvn -B -q -o -Dmaven.test.skip=true package -pl app -am)" build
step "seglift schema lists type '$name'" show_schema
step "a project on type '$name': seglift validate, seglift load of two CSV files" project_on_it
step "seglift sql on it" query_it
step "seglift audit on it" audit_it
step "git diff --stat: only $module/ and $aggregator" only_changed "$module/" "$aggregator"
echo "PASSED: warehouse '$name' is one module plus its entry in $aggregator"
