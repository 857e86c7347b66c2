#!/usr/bin/env bash
# Creates or updates a Field Ledger account on the CouchDB server (docs/sync-protocol.md, "Rights").
# Idempotent: an account that already has this password and these roles is left alone.
#
#   COUCHDB_URL=… COUCHDB_ADMIN=… COUCHDB_PASSWORD=… \
#     server/couchdb/add-account.sh ROLE NAME PASSWORD [UNIT_ID]
#
# ROLE tablet: one account per tablet, with the roles fl-tablet and fl-unit:<UNIT_ID>. UNIT_ID is a
#   unit of the plan (its database made by provision.sh) or an office, office-<name>: an office's
#   database fl-unit-office-<name> is made here, as provision.sh makes a unit's.
# ROLE office: the Quality Section, role fl-office (reads and writes every unit's database).
#
# The password is on this script's command line: pass it from a file or a variable
# ("$(cat tablet-07.password)") rather than typing it where shell history keeps it. Needs curl and
# node; run provision.sh first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage="usage: $(basename "$0") tablet NAME PASSWORD UNIT_ID | office NAME PASSWORD"
(($# >= 3)) || die "$usage"
role=$1 name=$2 password=$3 unit=${4:-}
case $role in
  tablet) [[ -n $unit ]] || die "a tablet account needs UNIT_ID. $usage" ;;
  office) [[ -z $unit ]] || die "an office account has no UNIT_ID (it reaches every unit). $usage" ;;
  *) die "ROLE must be tablet or office. $usage" ;;
esac
[[ -n $password ]] || die "PASSWORD is empty"
couch_init
export FL_PASSWORD=$password
json user "$name" "$role" "$unit" >"$COUCH_TMP/user.json" || die "cannot make the account"

if [[ $role == tablet ]]; then
  # A unit's database comes from provision.sh and the plan; only an office's is made here, so a
  # mistyped unit ID stops instead of making a database nobody reads.
  COUCH_LAST="database fl-unit-$unit"
  couch GET "fl-unit-$unit"
  if [[ $COUCH_STATUS == 404 && $unit != office-* ]]; then
    die "there is no database fl-unit-$unit: run provision.sh with the plan naming unit $unit, or give an office ID (office-<name>)"
  fi
  ensure_unit_database "$unit"
fi

# CouchDB 3 makes _users when the node is set up; make it if this one was not.
COUCH_LAST="database _users"
couch GET _users
if [[ $COUCH_STATUS == 404 ]]; then
  couch PUT _users
  expect 201 202 412
  say "_users: database created"
fi

id=$(json encode "org.couchdb.user:$name")
COUCH_LAST="account $name"
couch GET "_users/$id"
if [[ $COUCH_STATUS == 404 ]]; then
  couch PUT "_users/$id" "$COUCH_TMP/user.json"
  expect 201 202
  say "account $name: created ($role${unit:+, unit $unit})"
  exit 0
fi
expect 200
cp "$COUCH_OUT" "$COUCH_TMP/held.json"
# The stored password is only a hash: whether it is this one, a login says.
json login "$name" >"$COUCH_TMP/login.json"
COUCH_AS=$COUCH_TMP/nobody.curlrc couch POST _session "$COUCH_TMP/login.json"
changes=()
[[ $COUCH_STATUS == 200 ]] || changes+=(password)
[[ $(json reconcile "$COUCH_TMP/user.json" "$COUCH_TMP/held.json" "$COUCH_TMP/unused.json" password) == same ]] ||
  changes+=(roles)
if ((${#changes[@]} == 0)); then
  say "account $name: already in place ($role${unit:+, unit $unit})"
  exit 0
fi
# The whole document again (name, type, roles, password), on the server's _rev.
json with-rev "$COUCH_TMP/user.json" "$COUCH_TMP/held.json" "$COUCH_TMP/update.json"
couch PUT "_users/$id" "$COUCH_TMP/update.json"
expect 201 202
changed=${changes[*]}
say "account $name: updated ${changed// / and } ($role${unit:+, unit $unit})"
