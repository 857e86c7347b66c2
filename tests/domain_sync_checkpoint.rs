//! Live sync's checkpoints: when a stored checkpoint no longer describes the server's database
//! (a new identity, or a sequence gone back after a restore from a backup), the device reads the
//! database from the beginning and puts back what the server may have lost.

use field_ledger::domain::sync::ledger::SyncCheckpoint;
use serde_json::{json, Value};

fn read_up_to(since: Value) -> SyncCheckpoint {
    SyncCheckpoint {
        identity: "id-1".into(),
        since,
    }
}

#[test]
fn the_same_database_further_on_still_holds() {
    assert!(read_up_to(json!(120)).still_holds("id-1", &json!(120)));
    assert!(read_up_to(json!(120)).still_holds("id-1", &json!(4000)));
    assert!(read_up_to(json!("120-g1AAAAFTeJzLYWBg")).still_holds("id-1", &json!("121-g1AAAAX")));
}

#[test]
fn a_new_identity_never_holds() {
    assert!(!read_up_to(json!(120)).still_holds("id-2", &json!(4000)));
}

#[test]
fn a_sequence_gone_back_means_a_restore() {
    // PouchDB Server's numbers, and CouchDB's opaque strings by the number before their dash.
    assert!(!read_up_to(json!(120)).still_holds("id-1", &json!(7)));
    assert!(!read_up_to(json!("120-g1AAAAFTeJzLYWBg")).still_holds("id-1", &json!("7-g1AAAA")));
}

#[test]
fn sequences_without_a_number_leave_it_to_the_identity() {
    assert!(read_up_to(json!("now")).still_holds("id-1", &json!(7)));
    assert!(read_up_to(json!(120)).still_holds("id-1", &json!(null)));
    assert!(read_up_to(json!(0)).still_holds("id-1", &json!("0")));
}

#[test]
fn a_sequence_goes_back_to_the_server_as_it_came() {
    use field_ledger::domain::sync::ledger::sequence_text;
    assert_eq!(sequence_text(&json!(120)), "120");
    assert_eq!(sequence_text(&json!("120-g1AAAA")), "120-g1AAAA");
}
