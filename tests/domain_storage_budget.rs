//! The low-storage warning threshold.

use field_ledger::domain::storage_budget::StorageBudget;

#[test]
fn warns_below_ten_percent_left_and_not_at_it() {
    let budget = |usage: f64| StorageBudget {
        usage,
        quota: 1000.0,
    };
    assert!(!budget(0.0).is_low());
    assert!(!budget(900.0).is_low(), "exactly 10 % left is not yet low");
    assert!(budget(900.5).is_low());
    assert!(budget(1000.0).is_low());
    assert!(
        budget(1200.0).is_low(),
        "over quota (estimates can overshoot) is low"
    );
    assert_eq!(budget(1200.0).available(), 0.0);
}

#[test]
fn an_unknown_quota_never_warns() {
    assert!(!StorageBudget {
        usage: 10.0,
        quota: 0.0
    }
    .is_low());
}
