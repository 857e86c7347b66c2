//! The campaign's statistics and the printable summary: the four figures of the plan overall,
//! per planned activity, per unit, per day and per summary direction, with date and unit filters.

use crate::components::bar_chart::{Bar, BarChart};
use crate::components::select_field::{Choice, SelectField};
use crate::domain::figures::statistics::{
    campaign_statistics, ActivityKey, Figures, StatisticsFilter, UnitKey,
};
use crate::domain::plan::campaign::Campaign;
use crate::domain::validation::Field;
use crate::i18n::{
    day_label, deadline_sentence, format_date, format_period, localized, Language, Text,
};
use crate::state::event_records::EventRecords;
use crate::state::{ActiveCampaign, Today, UiLanguage};
use leptos::prelude::*;
use std::sync::Arc;

/// A unit's name as the statistics show it, with its language.
fn unit_name(language: Language, campaign: &Campaign, unit: &UnitKey) -> (String, Language) {
    match unit {
        UnitKey::Office(name) => (name.clone(), Language::ZhCn),
        UnitKey::Unit(id) => campaign
            .unit(id)
            .map_or((id.to_string(), Language::ZhCn), |u| {
                let (name, in_language) = localized(language, &u.name);
                (name.to_owned(), in_language)
            }),
    }
}

/// An activity's label in tables: number and short title, or "other".
fn activity_name(language: Language, campaign: &Campaign, key: &ActivityKey) -> (String, Language) {
    match key {
        ActivityKey::Planned(id) => {
            campaign
                .activity(id)
                .map_or((id.to_string(), Language::ZhCn), |a| {
                    let (title, in_language) = localized(language, &a.short_title);
                    (format!("{}. {title}", a.number), in_language)
                })
        }
        ActivityKey::Other => (language.text(Text::OtherActivity).to_owned(), language),
    }
}

/// An activity's own counters as text: `检测调试血压计 100台` / `Blood-pressure monitors tested 100 monitors`.
fn extra_figures(
    language: Language,
    campaign: &Campaign,
    key: &ActivityKey,
    figures: &Figures,
) -> String {
    let ActivityKey::Planned(id) = key else {
        return String::new();
    };
    let Some(activity) = campaign.activity(id) else {
        return String::new();
    };
    let separator = if language == Language::En {
        "; "
    } else {
        "；"
    };
    activity
        .extra_counters
        .iter()
        .filter_map(|counter| {
            let value = figures.extra.get(&counter.id).copied().unwrap_or(0);
            (value > 0).then(|| {
                let name = localized(language, &counter.name).0;
                let unit = localized(language, &counter.unit).0;
                match language {
                    Language::ZhCn => format!("{name} {value}{unit}"),
                    Language::En => format!("{name} {value} {unit}"),
                }
            })
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// The five figure cells of a table row.
fn figure_cells(figures: &Figures) -> impl IntoView {
    view! {
        <td>{figures.events}</td>
        <td>{figures.person_times}</td>
        <td>{figures.publicity_minutes}</td>
        <td>{figures.publicity_reports}</td>
        <td>{figures.materials}</td>
    }
}

/// The statistics page.
#[component]
pub fn StatisticsPage() -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    let records = expect_context::<EventRecords>();
    let campaign: Arc<Campaign> = expect_context::<ActiveCampaign>().0;
    let today = expect_context::<Today>().0;
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());

    let c = campaign.clone();
    let stats = Memo::new(move |_| {
        let filter = StatisticsFilter {
            from: from.with(|d| d.parse().ok()),
            to: to.with(|d| d.parse().ok()),
            unit: unit.with(|u| match u.split_once(':') {
                Some(("unit", id)) => Some(UnitKey::Unit(crate::domain::ids::UnitId::new(id))),
                Some(("office", name)) => Some(UnitKey::Office(name.to_owned())),
                _ => None,
            }),
        };
        records.all.with(|all| {
            records
                .roster_counts
                .with(|counts| campaign_statistics(&c, all.values(), counts, &filter, today.get()))
        })
    });
    let c = campaign.clone();
    // Units to filter by: the plan's (but the office placeholder), then offices seen in records.
    let unit_choices = Signal::derive(move || {
        let current = language.0.get();
        let mut choices: Vec<Choice> = c
            .units
            .iter()
            .filter(|u| !u.placeholder)
            .map(|u| {
                let (text, in_language) = localized(current, &u.name);
                Choice {
                    value: format!("unit:{}", u.id),
                    text: text.to_owned(),
                    language: in_language,
                }
            })
            .collect();
        // Offices as the statistics key them (trimmed), of this campaign's live events.
        let mut offices: Vec<String> = records.all.with(|all| {
            all.values()
                .filter(|r| !r.deleted && r.campaign_id == c.id)
                .filter_map(|r| match UnitKey::of(r) {
                    UnitKey::Office(name) => Some(name),
                    UnitKey::Unit(_) => None,
                })
                .collect()
        });
        crate::domain::sort::sort_by(&mut offices, |a, b| a.cmp(b));
        offices.dedup();
        choices.extend(offices.into_iter().map(|name| Choice {
            value: format!("office:{name}"),
            text: name,
            language: Language::ZhCn,
        }));
        choices
    });
    let text = move |key: Text| Signal::derive(move || language.0.get().text(key).to_owned());

    let figure = move |key: Text, testid: &'static str, read: fn(&Figures) -> u64| {
        view! {
            <li class="figure" data-testid=testid>
                <span class="figure-value" data-key-figure>{move || stats.with(|s| read(&s.total))}</span>
                <span class="figure-caption">{language.text(key)}</span>
            </li>
        }
    };
    let c = campaign.clone();
    let day_bars = move |value: fn(&Figures) -> u64| {
        Signal::derive(move || {
            let current = language.0.get();
            stats.with(|s| {
                s.per_day
                    .iter()
                    .map(|d| Bar {
                        label: day_label(current, d.day),
                        language: current,
                        value: value(&d.figures),
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let activity_bars = move |value: fn(&Figures) -> u64| {
        let c = c.clone();
        Signal::derive(move || {
            let current = language.0.get();
            stats.with(|s| {
                s.per_activity
                    .iter()
                    .map(|(key, f)| {
                        let (label, in_language) = activity_name(current, &c, key);
                        Bar {
                            label,
                            language: in_language,
                            value: value(f),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let header_row = move |first: Text, with_extra: bool| {
        view! {
            <tr>
                <th scope="col">{language.text(first)}</th>
                <th scope="col">{language.text(Text::StatEvents)}</th>
                <th scope="col">{language.text(Text::StatAttendance)}</th>
                <th scope="col">{language.text(Text::StatPublicityMinutes)}</th>
                <th scope="col">{language.text(Text::StatReports)}</th>
                <th scope="col">{language.text(Text::StatMaterials)}</th>
                {with_extra.then(|| view! { <th scope="col">{language.text(Text::ColumnExtra)}</th> })}
            </tr>
        }
    };
    let c = campaign.clone();
    let activity_rows = move || {
        let current = language.0.get();
        stats.with(|s| {
            s.per_activity
                .iter()
                .map(|(key, f)| {
                    let (name, in_language) = activity_name(current, &c, key);
                    let extra = extra_figures(current, &c, key, f);
                    view! {
                        <tr data-testid="stats-activity-row">
                            <th scope="row" lang=in_language.code()>{name}</th>
                            {figure_cells(f)}
                            <td class="extra-figures" data-testid="stats-extra">{extra}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let c = campaign.clone();
    let unit_rows = move || {
        let current = language.0.get();
        stats.with(|s| {
            s.per_unit
                .iter()
                .map(|(key, f)| {
                    let (name, in_language) = unit_name(current, &c, key);
                    view! { <tr><th scope="row" lang=in_language.code()>{name}</th>{figure_cells(f)}</tr> }
                })
                .collect_view()
        })
    };
    let c = campaign.clone();
    let direction_rows = move || {
        let current = language.0.get();
        stats.with(|s| {
            s.per_direction
                .iter()
                .map(|(id, f)| {
                    let (name, in_language) = c
                        .direction(id)
                        .map(|d| localized(current, &d.name))
                        .map_or((id.to_string(), Language::ZhCn), |(n, l)| (n.to_owned(), l));
                    view! { <tr><th scope="row" lang=in_language.code()>{name}</th>{figure_cells(f)}</tr> }
                })
                .collect_view()
        })
    };
    let day_rows = move || {
        let current = language.0.get();
        stats.with(|s| {
            s.per_day
                .iter()
                .map(|d| {
                    let mut label = format_date(current, d.day);
                    for (_, start, end) in &d.spans {
                        label.push_str(&format!(
                            " ({})",
                            format_period(
                                current,
                                crate::domain::plan::campaign::Period {
                                    start: *start,
                                    end: *end
                                }
                            )
                        ));
                    }
                    view! { <tr><th scope="row">{label}</th>{figure_cells(&d.figures)}</tr> }
                })
                .collect_view()
        })
    };
    let c = campaign.clone();
    let title = move || {
        let (text, in_language) = localized(language.0.get(), &c.title);
        view! { <p class="print-title" lang=in_language.code()>{text.to_owned()}</p> }
    };
    let period = campaign.period;
    let document_number = campaign.document_number.clone();
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <main id="main" class="page statistics" data-testid="stats-page">
            <div class="page-title-row">
                <h1>{language.text(Text::StatsTitle)}</h1>
                <button type="button" class="primary no-print" data-testid="print-summary" on:click=print>
                    {language.text(Text::PrintSummary)}
                </button>
            </div>
            <div class="print-header">
                {title}
                <p>
                    <span lang="zh-CN">{document_number}</span>
                    " · "
                    {move || format_period(language.0.get(), period)}
                    " · "
                    {move || deadline_sentence(language.0.get(), stats.with(|s| s.deadline))}
                </p>
            </div>
            <div class="stats-filters no-print">
                <div class="form-field">
                    <label for="stats-from">{language.text(Text::StatsFrom)}</label>
                    <input id="stats-from" type="date" data-testid="stats-from" prop:value=from
                        on:input=move |ev| from.set(event_target_value(&ev)) />
                </div>
                <div class="form-field">
                    <label for="stats-to">{language.text(Text::StatsTo)}</label>
                    <input id="stats-to" type="date" data-testid="stats-to" prop:value=to
                        on:input=move |ev| to.set(event_target_value(&ev)) />
                </div>
                <SelectField field=Field::OrganisingUnit label=text(Text::FilterUnit) testid="stats-unit"
                    choices=unit_choices prompt=text(Text::AllUnits) value=unit
                    on_change=Callback::new(move |v| unit.set(v)) />
            </div>
            <ul class="figures stats-figures">
                {figure(Text::StatEvents, "stat-events", |f| u64::from(f.events))}
                {figure(Text::StatAttendance, "stat-attendance", |f| f.person_times)}
                {figure(Text::StatPublicityMinutes, "stat-publicity-minutes", |f| f.publicity_minutes)}
                {figure(Text::StatReports, "stat-reports", |f| f.publicity_reports)}
                {figure(Text::StatMaterials, "stat-materials", |f| f.materials)}
            </ul>
            <Show when=move || stats.with(|s| s.total.events == 0)>
                <p class="empty-list">{language.text(Text::NoStatistics)}</p>
            </Show>
            <section aria-labelledby="per-direction">
                <h2 id="per-direction">{language.text(Text::PerDirection)}</h2>
                <table class="stats-table"><thead>{header_row(Text::ColumnDirection, false)}</thead><tbody>{direction_rows}</tbody></table>
            </section>
            <section aria-labelledby="per-activity">
                <h2 id="per-activity">{language.text(Text::PerActivity)}</h2>
                <BarChart title=text(Text::ChartEventsPerActivity) bars=activity_bars(|f| u64::from(f.events)) testid="chart-activity-events" />
                <BarChart title=text(Text::ChartAttendancePerActivity) bars=activity_bars(|f| f.person_times) testid="chart-activity-attendance" />
                <table class="stats-table"><thead>{header_row(Text::ColumnActivity, true)}</thead><tbody>{activity_rows}</tbody></table>
            </section>
            <section aria-labelledby="per-unit">
                <h2 id="per-unit">{language.text(Text::UnitsTookPart)}</h2>
                <table class="stats-table"><thead>{header_row(Text::ColumnUnit, false)}</thead><tbody>{unit_rows}</tbody></table>
            </section>
            <section aria-labelledby="per-day" class="print-optional">
                <h2 id="per-day">{language.text(Text::PerDay)}</h2>
                <BarChart title=text(Text::ChartEventsPerDay) bars=day_bars(|f| u64::from(f.events)) testid="chart-day-events" />
                <BarChart title=text(Text::ChartAttendancePerDay) bars=day_bars(|f| f.person_times) testid="chart-day-attendance" />
                <table class="stats-table"><thead>{header_row(Text::ColumnDay, false)}</thead><tbody>{day_rows}</tbody></table>
            </section>
        </main>
    }
}
