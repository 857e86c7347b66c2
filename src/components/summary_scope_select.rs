//! The Word summary's scope: this tablet's unit (first, and chosen at first), another unit of the
//! plan or an office named in the records, or the whole district (the Quality Section's summary
//! over merged records).

use crate::domain::figures::statistics::UnitKey;
use crate::domain::plan::campaign::Campaign;
use crate::domain::summary::outline::SummaryScope;
use crate::i18n::{localized, summary_scope_own, Text};
use crate::state::event_records::EventRecords;
use crate::state::{Device, UiLanguage};
use leptos::prelude::*;
use std::sync::Arc;

/// The `<select>` value of a scope.
fn scope_value(scope: &SummaryScope) -> String {
    match scope {
        SummaryScope::District => "district".to_owned(),
        SummaryScope::Unit(UnitKey::Unit(id)) => format!("unit:{id}"),
        SummaryScope::Unit(UnitKey::Office(name)) => format!("office:{name}"),
    }
}

/// The scope a `<select>` value stands for.
fn scope_of(value: &str) -> SummaryScope {
    match value.split_once(':') {
        Some(("unit", id)) => {
            SummaryScope::Unit(UnitKey::Unit(crate::domain::ids::UnitId::new(id)))
        }
        Some(("office", name)) => SummaryScope::Unit(UnitKey::Office(name.to_owned())),
        _ => SummaryScope::District,
    }
}

/// This tablet's own unit: its office, or its plan unit.
pub fn own_scope(campaign: &Campaign, device: &Device) -> SummaryScope {
    device.0.with(|profile| match profile {
        Some(profile) => match profile.office_for(campaign) {
            Some(office) => SummaryScope::Unit(UnitKey::Office(office)),
            None => SummaryScope::Unit(UnitKey::Unit(profile.unit_id.clone())),
        },
        None => SummaryScope::District,
    })
}

/// The scope choice; `scope` holds the choice (`None`: this tablet's unit).
#[component]
pub fn SummaryScopeSelect(
    /// The active campaign.
    campaign: Arc<Campaign>,
    /// The chosen scope; `None` until the user picks one.
    scope: RwSignal<Option<SummaryScope>>,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let device = expect_context::<Device>();
    let records = expect_context::<EventRecords>();
    let c = campaign.clone();
    let own = Memo::new(move |_| own_scope(&c, &device));
    let choices = move || {
        let current = language.0.get();
        let own = own.get();
        let unit_name = |key: &UnitKey| match key {
            UnitKey::Office(name) => name.clone(),
            UnitKey::Unit(id) => campaign.unit(id).map_or_else(
                || id.to_string(),
                |u| localized(current, &u.name).0.to_owned(),
            ),
        };
        let mut units: Vec<UnitKey> = campaign
            .units
            .iter()
            .filter(|u| !u.placeholder && !u.retired)
            .map(|u| UnitKey::Unit(u.id.clone()))
            .collect();
        // Offices are named by their tablets: those the records name, by name.
        let mut offices: Vec<UnitKey> = records.all.with(|all| {
            all.values()
                .filter(|e| !e.deleted && e.campaign_id == campaign.id)
                .map(UnitKey::of)
                .filter(|key| matches!(key, UnitKey::Office(_)))
                .collect()
        });
        offices.sort();
        offices.dedup();
        units.extend(offices);
        let mut options = Vec::new();
        if let SummaryScope::Unit(key) = &own {
            options.push((
                scope_value(&own),
                summary_scope_own(current, &unit_name(key)),
            ));
        }
        for key in units {
            let scope = SummaryScope::Unit(key);
            if scope != own {
                let name = match &scope {
                    SummaryScope::Unit(key) => unit_name(key),
                    SummaryScope::District => String::new(),
                };
                options.push((scope_value(&scope), name));
            }
        }
        options.push((
            scope_value(&SummaryScope::District),
            current.text(Text::SummaryScopeDistrict).to_owned(),
        ));
        options
    };
    let chosen = move || scope_value(&scope.get().unwrap_or_else(|| own.get()));
    view! {
        <div class="form-field">
            <label for="summary-doc-scope">{language.text(Text::SummaryDocScope)}</label>
            <select id="summary-doc-scope" data-testid="summary-doc-scope"
                on:change=move |ev| scope.set(Some(scope_of(&event_target_value(&ev))))>
                {move || choices().into_iter().map(|(value, text)| {
                    let selected = value == chosen();
                    view! { <option value=value prop:selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
