#!/usr/bin/env node
// The JSON half of provision.sh and add-account.sh (curl does the HTTP): builds the documents
// they install and compares them with what the server holds. Only Node's standard library, so
// a city IT team needs nothing but curl and Node.
//
//   node couch-json.mjs units PLAN_FILE               unit IDs of the plan, one a line (no placeholder)
//   node couch-json.mjs campaign PLAN_FILE            the plan's campaign ID
//   node couch-json.mjs plan-doc PLAN_FILE            the plan's document in fl-plans
//   node couch-json.mjs design unit UNIT | plans      _design/field-ledger of a database
//   node couch-json.mjs security unit UNIT | plans    the _security object of a database
//   node couch-json.mjs prepare DIR unit UNIT | plans
//        what a database needs, in one go (a Node start costs more than all the requests): reads
//        the server's copies DIR/design.held.json (empty file: none) and DIR/security.held.json,
//        writes DIR/design.put.json and DIR/security.put.json where they must change, and
//        DIR/identity.json; prints three lines: installed|updated|same, set|same, the new uuid
//   node couch-json.mjs user NAME ROLE [UNIT]         an _users document (password from $FL_PASSWORD)
//   node couch-json.mjs login NAME                    a POST /_session body (password from $FL_PASSWORD)
//   node couch-json.mjs reconcile WANTED HELD OUT [FIELD…]
//        prints "same" when HELD has every field of WANTED (but the FIELDs) with equal values,
//        else "changed" and writes WANTED with HELD's _rev to OUT
//   node couch-json.mjs with-rev WANTED HELD OUT      writes WANTED with HELD's _rev to OUT
//   node couch-json.mjs field FILE NAME               a top-level field of a JSON file ("" if none)
//   node couch-json.mjs curl-config                   curl's `user = "…"` line for the admin account
//   node couch-json.mjs encode TEXT                   TEXT as one URL path segment
//
// Also imported by the tests (unitDesign, plansDesign, …).
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import vm from 'node:vm';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DESIGN_ID = '_design/field-ledger';
const UNIT_PLACEHOLDER = '"__FIELD_LEDGER_UNIT__"';

// A unit ID becomes part of a CouchDB database name, fl-unit-<unit>: CouchDB allows
// [a-z][a-z0-9_$()+/-]* for the name; this keeps to what needs no escaping in a URL either.
const UNIT_ID = /^[a-z][a-z0-9_-]*$/;

export function checkUnitId(unit) {
  if (typeof unit !== 'string' || !UNIT_ID.test(unit)) {
    throw new Error(
      `unit ID ${JSON.stringify(unit)} cannot name a database: it must be lowercase ASCII letters, ` +
        'digits, "-" and "_", starting with a letter (an office: office-<name>)',
    );
  }
  return unit;
}

// The source of the two functions in validate_doc_update.js, as CouchDB stores it: an anonymous
// `function (newDoc, oldDoc, userCtx, secObj) {…}`.
function validateSource(name) {
  const file = path.join(HERE, 'validate_doc_update.js');
  const context = vm.createContext({});
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`${file} does not define ${name}`);
  return fn.toString().replace(/^function\s+\w+\s*\(/, 'function (');
}

export function unitDesign(unit) {
  checkUnitId(unit);
  const source = validateSource('validate_unit_database');
  if (source.split(UNIT_PLACEHOLDER).length !== 2) {
    throw new Error(`validate_unit_database must contain ${UNIT_PLACEHOLDER} exactly once`);
  }
  return {
    _id: DESIGN_ID,
    language: 'javascript',
    // For people reading the design document; the function has the unit in its code.
    field_ledger: { database: 'unit', unit },
    validate_doc_update: source.replace(UNIT_PLACEHOLDER, JSON.stringify(unit)),
  };
}

export function plansDesign() {
  return {
    _id: DESIGN_ID,
    language: 'javascript',
    field_ledger: { database: 'plans' },
    validate_doc_update: validateSource('validate_plans_database'),
  };
}

// Members only; admins are the server's administrators alone (empty lists: CouchDB always
// counts server admins as database admins).
export function unitSecurity(unit) {
  checkUnitId(unit);
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [`fl-unit:${unit}`, 'fl-office'] },
  };
}

export function plansSecurity() {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: ['fl-tablet', 'fl-office'] },
  };
}

export function readPlan(file) {
  const plan = JSON.parse(readFileSync(file, 'utf8'));
  if (plan?.format !== 'field-ledger.campaign' || typeof plan.id !== 'string' || !Array.isArray(plan.units)) {
    throw new Error(`${file} is not a Field Ledger campaign plan (format "field-ledger.campaign" with id and units)`);
  }
  return plan;
}

// The units that get a database now. The placeholder ("各市场监管所") stands for every office,
// and an office's database is made when its first tablet account is added.
export function planUnits(plan) {
  return plan.units.filter((unit) => !unit.placeholder).map((unit) => checkUnitId(unit.id));
}

// The plan as published in fl-plans: the plan file as it is, under `plan`, so the app reads it
// with the same parser as a plan file.
export function planDocument(plan) {
  return { _id: `plan:${plan.id}`, kind: 'plan', campaign_id: plan.id, plan };
}

export function userDocument(name, role, unit, password) {
  if (!name || name.includes(':')) throw new Error(`account name ${JSON.stringify(name)} must be non-empty, without ":"`);
  let roles;
  if (role === 'tablet') roles = ['fl-tablet', `fl-unit:${checkUnitId(unit)}`];
  else if (role === 'office') roles = ['fl-office'];
  else throw new Error(`role must be "tablet" or "office" (got ${JSON.stringify(role)})`);
  return { _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password };
}

// Whether `held` already has every field of `wanted` (except `ignored`), values compared as JSON
// with object keys in any order.
export function holds(held, wanted, ignored = []) {
  return Object.keys(wanted)
    .filter((key) => key !== '_rev' && !ignored.includes(key))
    .every((key) => canonical(held?.[key]) === canonical(wanted[key]));
}

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// curl reads its configuration file with C-like escapes inside double quotes.
function curlQuote(text) {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function main([command, ...args]) {
  const print = (value) => process.stdout.write(typeof value === 'string' ? `${value}\n` : `${JSON.stringify(value)}\n`);
  const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
  const password = () => {
    const value = process.env.FL_PASSWORD;
    if (!value) throw new Error('FL_PASSWORD is empty');
    return value;
  };
  switch (command) {
    case 'units':
      return planUnits(readPlan(args[0])).forEach((unit) => print(unit));
    case 'campaign':
      return print(readPlan(args[0]).id);
    case 'plan-doc':
      return print(planDocument(readPlan(args[0])));
    case 'design':
      return print(args[0] === 'plans' ? plansDesign() : unitDesign(args[1]));
    case 'security':
      return print(args[0] === 'plans' ? plansSecurity() : unitSecurity(args[1]));
    case 'prepare': {
      const [dir, kind, unit] = args;
      const design = kind === 'plans' ? plansDesign() : unitDesign(unit);
      const security = kind === 'plans' ? plansSecurity() : unitSecurity(unit);
      const heldDesign = readFileSync(path.join(dir, 'design.held.json'), 'utf8').trim();
      let designState = 'same';
      if (!heldDesign) designState = 'installed';
      else if (!holds(JSON.parse(heldDesign), design)) designState = 'updated';
      if (designState !== 'same') {
        const rev = heldDesign ? { _rev: JSON.parse(heldDesign)._rev } : {};
        writeFileSync(path.join(dir, 'design.put.json'), JSON.stringify({ ...design, ...rev }));
      }
      const securityState = holds(readJson(path.join(dir, 'security.held.json')), security) ? 'same' : 'set';
      if (securityState !== 'same') writeFileSync(path.join(dir, 'security.put.json'), JSON.stringify(security));
      const identity = randomUUID();
      writeFileSync(path.join(dir, 'identity.json'), JSON.stringify({ identity }));
      return [designState, securityState, identity].forEach((line) => print(line));
    }
    case 'user':
      return print(userDocument(args[0], args[1], args[2], password()));
    case 'login':
      return print({ name: args[0], password: password() });
    case 'reconcile': {
      const [wantedFile, heldFile, outFile, ...ignored] = args;
      const wanted = readJson(wantedFile);
      const held = readJson(heldFile);
      if (holds(held, wanted, ignored)) return print('same');
      writeFileSync(outFile, JSON.stringify({ ...wanted, _rev: held._rev }));
      return print('changed');
    }
    case 'with-rev': {
      const [wantedFile, heldFile, outFile] = args;
      writeFileSync(outFile, JSON.stringify({ ...readJson(wantedFile), _rev: readJson(heldFile)._rev }));
      return undefined;
    }
    case 'field': {
      let value;
      try {
        value = readJson(args[0])?.[args[1]];
      } catch {
        value = undefined; // not JSON (an HTML error page of a proxy, say)
      }
      return print(value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
    }
    case 'encode':
      return print(encodeURIComponent(args[0]));
    case 'curl-config':
      return print(`user = ${curlQuote(`${process.env.COUCHDB_ADMIN}:${process.env.COUCHDB_PASSWORD}`)}`);
    default:
      throw new Error(`unknown command ${JSON.stringify(command)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
