/*
 * Field Ledger's validate_doc_update functions (docs/sync-protocol.md, "Rights").
 *
 * A template, not a module: couch-json.mjs takes the source of the two functions below and puts it in
 * each database's `_design/field-ledger`, the unit databases' function with the database's unit
 * ID written over the placeholder "__FIELD_LEDGER_UNIT__". CouchDB gives a validate function no
 * way to learn its database's name, so the unit has to be in the code.
 *
 * Plain ES5 with no free variables except JSON: CouchDB 3 runs design functions in SpiderMonkey
 * or (3.4+) QuickJS, PouchDB Server in Node. Every refusal throws {forbidden: "<reason>"}: HTTP 403,
 * and the reason reaches the tablet, which shows it next to the refused record. ({unauthorized}
 * would be a 401, which the app takes for an expired session.)
 *
 * Deleting documents. The contract allows `_deleted` only on conflict documents and on
 * non-winning leaves. Whether a leaf wins cannot be told inside validate_doc_update: CouchDB
 * passes as oldDoc the leaf being replaced, never its siblings (PouchDB Server passes the winner
 * instead, so the two servers cannot be told apart by a rule either). So:
 *  - conflict documents: any member may delete them (the Quality Section, once reviewed);
 *  - a record document (event, sign-in, photo) is deleted only to retire a leaf that a merge
 *    superseded, and the deletion must say so: it repeats `kind` and `owner_unit` and carries the
 *    `rank` of the merged winner, which may not be below the deleted leaf's rank, like any write.
 *    A bare DELETE (Fauxton, curl, a generic tool) is refused: a record is deleted by a tombstone
 *    in `record`, which keeps winning over older copies.
 *  So a member can still delete a winning leaf on purpose, by claiming a rank at least its own;
 *  but such a member could as well overwrite it with that rank, which the rules allow.
 *
 * `new_edits: false` writes (replication) pass through the same function. CouchDB passes as oldDoc
 * the nearest ancestor of the written revision that it holds, so a replicated revision that
 * extends an existing branch is held to the rank of that branch. A revision on a branch of its own
 * has no ancestor here (oldDoc null): CouchDB keeps it as one more leaf, next to the newer one,
 * and the tablets merge all leaves by rank when they pull (`conflicts=true`), so it never
 * overwrites a newer version, though CouchDB's own choice of winner may show it until then.
 */

/* The unit databases, fl-unit-<unit>. */
function validate_unit_database(newDoc, oldDoc, userCtx, secObj) {
  // This database's unit: written over the placeholder by couch-json.mjs.
  var UNIT = "__FIELD_LEDGER_UNIT__";

  var roles = (userCtx && userCtx.roles) || [];
  function hasRole(role) {
    for (var i = 0; i < roles.length; i++) if (roles[i] === role) return true;
    return false;
  }
  function refuse(reason) {
    throw { forbidden: reason };
  }
  function show(value) {
    return value === undefined ? "nothing" : JSON.stringify(value);
  }
  var isAdmin = hasRole("_admin");
  var id = String(newDoc._id);

  // Written by provision.sh once, read by the tablets to recognise this server.
  if (id === "server-identity") {
    if (!isAdmin) refuse("server-identity is written only by the server's administrators (provision.sh)");
    if (!newDoc._deleted && (typeof newDoc.identity !== "string" || newDoc.identity === "")) {
      refuse("server-identity needs identity: a non-empty string");
    }
    return;
  }

  // Who: a tablet of this unit, the Quality Section, a server administrator. (The database's
  // _security already keeps everyone else out; this holds even if someone widens it.)
  if (!isAdmin && !hasRole("fl-office") && !hasRole("fl-unit:" + UNIT)) {
    refuse("this database holds the records of unit " + show(UNIT) + ", which your account (" +
      show(userCtx && userCtx.name) + ", roles " + show(roles) + ") may not write");
  }

  // What: the _id names the kind, and its shape (docs/sync-protocol.md, "Documents").
  var SHAPES = {
    event: /^event:[^:]+$/,
    roster: /^roster:[^:]+:[^:]+$/,
    photo: /^photo:[^:]+:[^:]+$/,
    image: /^image:[^:]+$/,
    conflict: /^conflict:(event:[^:]+|roster:[^:]+:[^:]+|photo:[^:]+:[^:]+):[0-9a-f]{16}$/
  };
  var EXAMPLES = {
    event: "event:<event uuid>",
    roster: "roster:<event uuid>:<entry uuid>",
    photo: "photo:<event uuid>:<photo uuid>",
    image: "image:<photo uuid>",
    conflict: "conflict:<record _id>:<16 hex digits>"
  };
  var kind = id.slice(0, id.indexOf(":"));
  if (id.indexOf(":") < 0 || !SHAPES.hasOwnProperty(kind)) {
    refuse("_id must start with event:, roster:, photo:, image: or conflict: (got " + show(id) + ")");
  }
  if (!SHAPES[kind].test(id)) {
    refuse("_id must have the form " + EXAMPLES[kind] + " (got " + show(id) + ")");
  }

  // The owner is fixed; the rank never goes down. Checked against the version replaced, when it
  // says (a tombstone of a retired leaf says too).
  function checkOwnerAndRank() {
    if (newDoc.kind !== kind) {
      refuse("kind must be " + show(kind) + " for an _id starting with " + kind + ": (got " + show(newDoc.kind) + ")");
    }
    if (oldDoc && oldDoc.owner_unit !== undefined && newDoc.owner_unit !== oldDoc.owner_unit) {
      refuse("owner_unit is fixed when a record is first saved: it is " + show(oldDoc.owner_unit) +
        " and cannot become " + show(newDoc.owner_unit));
    }
    if (newDoc.owner_unit !== UNIT) {
      refuse("owner_unit must be " + show(UNIT) + ", the unit of this database (got " + show(newDoc.owner_unit) + ")");
    }
    var rank = readRank(newDoc.rank);
    var oldRank = oldDoc && oldDoc.rank !== undefined ? readRank(oldDoc.rank, true) : null;
    if (oldRank && compareRanks(rank, oldRank) < 0) {
      refuse("rank must not go down: the server has revision " + oldRank.revision + " changed " +
        oldRank.updated_at + ", this version is revision " + rank.revision + " changed " + rank.updated_at +
        " (an older copy never overwrites a newer one: merge with the server's copy first)");
    }
  }

  // rank = {revision: whole number >= 0, updated_at: UTC time "2021-09-15T02:00:00Z", with up to
  // nine fraction digits}. Times are compared by their digits, the fraction padded: comparing the
  // strings as they are would put "…:00.5Z" before "…:00Z" ('.' sorts before 'Z').
  function readRank(rank, lenient) {
    var problem = null;
    var match = null;
    if (!rank || typeof rank !== "object") {
      problem = "rank must be an object {revision, updated_at} (got " + show(rank) + ")";
    } else if (typeof rank.revision !== "number" || rank.revision < 0 || rank.revision % 1 !== 0) {
      problem = "rank.revision must be a whole number, 0 or more (got " + show(rank.revision) + ")";
    } else {
      match = typeof rank.updated_at === "string" &&
        /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(rank.updated_at);
      if (!match) {
        problem = "rank.updated_at must be a UTC time like \"2021-09-15T02:00:00Z\" (got " + show(rank.updated_at) + ")";
      }
    }
    if (problem) {
      if (lenient) return null; // a version saved before these rules: nothing to compare with
      refuse(problem);
    }
    return {
      revision: rank.revision,
      updated_at: rank.updated_at,
      sortable: match[1] + "." + ((match[2] || "") + "000000000").slice(0, 9)
    };
  }
  function compareRanks(a, b) {
    if (a.revision !== b.revision) return a.revision < b.revision ? -1 : 1;
    if (a.sortable !== b.sortable) return a.sortable < b.sortable ? -1 : 1;
    return 0;
  }

  // A photo's image: a document of its own holding the attachment `image`, written once by a
  // tablet of the unit; it names its photo and keeps its owner. It is never deleted by a member.
  if (kind === "image") {
    if (newDoc._deleted === true) refuse("a photo's image is not deleted through sync");
    if (newDoc.kind !== "image") refuse("kind must be \"image\" for an _id starting with image: (got " + show(newDoc.kind) + ")");
    if (oldDoc && oldDoc.owner_unit !== undefined && newDoc.owner_unit !== oldDoc.owner_unit) {
      refuse("owner_unit is fixed when an image is first saved: it is " + show(oldDoc.owner_unit) +
        " and cannot become " + show(newDoc.owner_unit));
    }
    if (newDoc.owner_unit !== UNIT) {
      refuse("owner_unit must be " + show(UNIT) + ", the unit of this database (got " + show(newDoc.owner_unit) + ")");
    }
    if (newDoc.photo_id !== id.slice("image:".length)) {
      refuse("photo_id must be the photo the _id names (got " + show(newDoc.photo_id) + ")");
    }
    return;
  }

  if (newDoc._deleted === true) {
    if (kind === "conflict") return; // reviewed and settled: any member may delete it
    // A record's leaf retired by a merge: see the comment at the top of this file.
    if (newDoc.kind === undefined && newDoc.rank === undefined) {
      refuse("a record is never deleted with _deleted (its deletion is record.deleted, a tombstone); " +
        "only a leaf a merge superseded is, and its deletion repeats kind and owner_unit and carries the rank of the version that superseded it");
    }
    checkOwnerAndRank();
    return;
  }

  checkOwnerAndRank();
  if (!newDoc.record || typeof newDoc.record !== "object" || Object.prototype.toString.call(newDoc.record) === "[object Array]") {
    refuse("record must be an object: the " + kind + " itself (got " + show(newDoc.record) + ")");
  }
}

/* The plans database, fl-plans: everyone with an account reads it, the Quality Section writes. */
function validate_plans_database(newDoc, oldDoc, userCtx, secObj) {
  var roles = (userCtx && userCtx.roles) || [];
  function hasRole(role) {
    for (var i = 0; i < roles.length; i++) if (roles[i] === role) return true;
    return false;
  }
  function refuse(reason) {
    throw { forbidden: reason };
  }
  function show(value) {
    return value === undefined ? "nothing" : JSON.stringify(value);
  }
  var isAdmin = hasRole("_admin");
  var id = String(newDoc._id);

  if (id === "server-identity") {
    if (!isAdmin) refuse("server-identity is written only by the server's administrators (provision.sh)");
    if (!newDoc._deleted && (typeof newDoc.identity !== "string" || newDoc.identity === "")) {
      refuse("server-identity needs identity: a non-empty string");
    }
    return;
  }
  if (!isAdmin && !hasRole("fl-office")) {
    refuse("plans are published only by the Quality Section (role fl-office); this account (" +
      show(userCtx && userCtx.name) + ") may only read them");
  }
  var match = /^plan:(.+)$/.exec(id);
  if (!match) refuse("_id must have the form plan:<campaign id> (got " + show(id) + ")");
  if (newDoc._deleted === true) return;
  if (newDoc.kind !== "plan") refuse("kind must be \"plan\" (got " + show(newDoc.kind) + ")");
  if (newDoc.campaign_id !== match[1]) {
    refuse("campaign_id must be " + show(match[1]) + ", as in the _id (got " + show(newDoc.campaign_id) + ")");
  }
  if (!newDoc.plan || typeof newDoc.plan !== "object" || newDoc.plan.id !== match[1]) {
    refuse("plan must be the campaign plan whose id is " + show(match[1]) +
      " (got " + show(newDoc.plan && typeof newDoc.plan === "object" ? newDoc.plan.id : newDoc.plan) + ")");
  }
}
