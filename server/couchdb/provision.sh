#!/usr/bin/env bash
# Sets up a CouchDB 3 server for Field Ledger's live sync, or brings it up to date
# (docs/sync-protocol.md). Idempotent: run it again after changing the plan or these files; what is
# already in place is left alone (a database's server-identity is never rewritten).
#
#   COUCHDB_URL=https://records.example.org/couch COUCHDB_ADMIN=admin COUCHDB_PASSWORD=… \
#     server/couchdb/provision.sh [PLAN_FILE]
#
# PLAN_FILE: the campaign plan (default: the built-in src/domain/plans/quality-month-2021.json).
# Makes fl-plans (the plan published as plan:<campaign id>) and fl-unit-<unit> for every unit of
# the plan but the offices' placeholder; an office's database is made by add-account.sh when its
# first tablet account is added. Each database gets _design/field-ledger (its validate function),
# its _security object and its server-identity. Prints one line per step. Needs curl and node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$COUCH_HERE/../.." && pwd)
PLAN_FILE=${1:-$ROOT/src/domain/plans/quality-month-2021.json}
[[ -r $PLAN_FILE ]] || die "cannot read the plan file $PLAN_FILE"
couch_init

# Read the plan before touching the server: a unit ID that cannot name a database stops here.
units=$(json units "$PLAN_FILE") || die "$PLAN_FILE: cannot provision this plan's units"
campaign=$(json campaign "$PLAN_FILE")

ensure_plans_database
json plan-doc "$PLAN_FILE" >"$COUCH_TMP/plan.json"
ensure_document fl-plans "plan:$campaign" "$COUCH_TMP/plan.json" "plan"

for unit in $units; do
  ensure_unit_database "$unit"
done
