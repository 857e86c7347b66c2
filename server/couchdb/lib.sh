# Shared by provision.sh and add-account.sh (sourced, not run): talking to CouchDB with curl, and
# bringing one database up to date (database, design document, _security, server identity). JSON
# is built and compared by couch-json.mjs in this folder.
#
# Needs COUCHDB_URL (e.g. https://records.example.org/couch), COUCHDB_ADMIN, COUCHDB_PASSWORD.
# Every step prints one line: what it did, or that it was already in place.

COUCH_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

say() { printf '%s\n' "$*"; }
die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}
json() { node "$COUCH_HERE/couch-json.mjs" "$@"; }

# Checks the environment and makes a private folder for request and answer bodies (passwords go
# through files there, never through curl's command line, where `ps` would show them).
couch_init() {
  command -v curl >/dev/null || die "needs curl"
  command -v node >/dev/null || die "needs node (Node.js 18 or later)"
  [[ -n ${COUCHDB_URL:-} ]] || die "COUCHDB_URL is not set (e.g. http://127.0.0.1:5984)"
  [[ -n ${COUCHDB_ADMIN:-} ]] || die "COUCHDB_ADMIN is not set (a server admin's name)"
  [[ -n ${COUCHDB_PASSWORD:-} ]] || die "COUCHDB_PASSWORD is not set"
  COUCHDB_URL=${COUCHDB_URL%/}
  COUCH_TMP=$(mktemp -d)
  trap 'rm -rf "$COUCH_TMP"' EXIT
  COUCH_ADMIN_CONFIG=$COUCH_TMP/admin.curlrc
  (umask 077 && json curl-config >"$COUCH_ADMIN_CONFIG")
  : >"$COUCH_TMP/nobody.curlrc"
  COUCH_AS=$COUCH_ADMIN_CONFIG
  COUCH_OUT=$COUCH_TMP/answer.json
}

# couch METHOD PATH [BODY_FILE]: one request as the admin (or as $COUCH_AS); the status goes to
# COUCH_STATUS, the answer to the file $COUCH_OUT.
couch() {
  local method=$1 path=$2 body=${3:-}
  local args=(--silent --show-error --config "$COUCH_AS" --request "$method"
    --header 'Accept: application/json' --output "$COUCH_OUT" --write-out '%{http_code}')
  if [[ -n $body ]]; then
    args+=(--header 'Content-Type: application/json' --data-binary "@$body")
  fi
  COUCH_STATUS=$(curl "${args[@]}" "$COUCHDB_URL/$path") ||
    die "cannot reach $COUCHDB_URL ($method /$path)"
}

# Stops with the server's own words when a request did not get one of the expected statuses.
expect() {
  local wanted
  for wanted in "$@"; do [[ $COUCH_STATUS == "$wanted" ]] && return 0; done
  die "$COUCH_LAST: HTTP $COUCH_STATUS $(json field "$COUCH_OUT" error): $(json field "$COUCH_OUT" reason)"
}

# ensure_database NAME
ensure_database() {
  local db=$1
  COUCH_LAST="database $db"
  couch GET "$db"
  if [[ $COUCH_STATUS == 200 ]]; then
    say "$db: database already in place"
    return
  fi
  expect 404
  couch PUT "$db"
  # 412: made by someone else in the meantime.
  expect 201 202 412
  say "$db: database created"
}

# ensure_document DB DOC_ID WANTED_FILE LABEL: writes the document unless the server's copy already
# has every field of it, keeping the server's _rev.
ensure_document() {
  local db=$1 id=$2 wanted=$3 label=$4 path
  path=$db/$id
  [[ $id == _design/* ]] || path=$db/$(json encode "$id")
  COUCH_LAST="$db/$id"
  couch GET "$path"
  if [[ $COUCH_STATUS == 404 ]]; then
    couch PUT "$path" "$wanted"
    expect 201 202
    say "$db/$id: $label installed"
    return
  fi
  expect 200
  cp "$COUCH_OUT" "$COUCH_TMP/held.json"
  if [[ $(json reconcile "$wanted" "$COUCH_TMP/held.json" "$COUCH_TMP/update.json") == same ]]; then
    say "$db/$id: $label already in place"
    return
  fi
  couch PUT "$path" "$COUCH_TMP/update.json"
  expect 201 202
  say "$db/$id: $label updated"
}

# ensure_set_up unit UNIT | plans: the database (fl-unit-<unit> or fl-plans) with its design
# document, _security object and server identity, each written only where it is missing or
# differs from what this folder says.
ensure_set_up() {
  local kind=$1 unit=${2:-} db dir states design security identity
  if [[ $kind == plans ]]; then db=fl-plans; else db=fl-unit-$unit; fi
  dir=$COUCH_TMP/$db
  mkdir -p "$dir"
  ensure_database "$db"

  COUCH_LAST="$db/_design/field-ledger"
  couch GET "$db/_design/field-ledger"
  expect 200 404
  if [[ $COUCH_STATUS == 200 ]]; then cp "$COUCH_OUT" "$dir/design.held.json"; else : >"$dir/design.held.json"; fi
  COUCH_LAST="$db/_security"
  couch GET "$db/_security"
  expect 200
  cp "$COUCH_OUT" "$dir/security.held.json"
  states=$(json prepare "$dir" "$kind" "$unit") || die "cannot build the documents of $db"
  { read -r design && read -r security && read -r identity; } <<<"$states"

  COUCH_LAST="$db/_design/field-ledger"
  if [[ $design == same ]]; then
    say "$db/_design/field-ledger: design document already in place"
  else
    couch PUT "$db/_design/field-ledger" "$dir/design.put.json"
    expect 201 202
    say "$db/_design/field-ledger: design document $design"
  fi

  COUCH_LAST="$db/_security"
  if [[ $security == same ]]; then
    say "$db/_security: already in place"
  else
    couch PUT "$db/_security" "$dir/security.put.json"
    expect 200 201
    say "$db/_security: set"
  fi

  # Written once, never overwritten. A tablet that finds a different identity forgets its
  # checkpoint and compares everything again, so rewriting it would cost every tablet a full
  # comparison; it should change when a backup is restored, and that is done by hand. A PUT
  # without _rev gets 409 when it exists, so two runs at once cannot both write it.
  COUCH_LAST="$db/server-identity"
  couch PUT "$db/server-identity" "$dir/identity.json"
  if [[ $COUCH_STATUS == 409 ]]; then
    say "$db/server-identity: already in place (kept)"
  else
    expect 201 202
    say "$db/server-identity: written ($identity)"
  fi
}

ensure_unit_database() { ensure_set_up unit "$1"; }
ensure_plans_database() { ensure_set_up plans; }
