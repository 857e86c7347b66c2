//! How much browser storage the app uses and has left, and when to warn.

/// Warn when less than this share of the quota is left.
pub const LOW_STORAGE_SHARE: f64 = 0.10;

/// Storage used and available to this origin, in bytes, as the browser estimates them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageBudget {
    /// Bytes used.
    pub usage: f64,
    /// Bytes the origin may use in all.
    pub quota: f64,
}

impl StorageBudget {
    /// Bytes still free (never negative).
    pub fn available(self) -> f64 {
        (self.quota - self.usage).max(0.0)
    }

    /// Whether less than 10 % of the quota is left, so staff export and free space before a
    /// save fails. An unknown quota (0) never warns.
    ///
    /// ```
    /// use field_ledger::domain::storage_budget::StorageBudget;
    /// assert!(StorageBudget { usage: 95.0, quota: 100.0 }.is_low());
    /// assert!(!StorageBudget { usage: 50.0, quota: 100.0 }.is_low());
    /// ```
    pub fn is_low(self) -> bool {
        self.quota > 0.0 && self.available() / self.quota < LOW_STORAGE_SHARE
    }
}
