//! A horizontal bar chart in SVG (works offline, prints crisply) with a spoken summary.

use crate::i18n::{chart_summary, Language};
use crate::state::UiLanguage;
use leptos::prelude::*;

/// One bar: its label, the label's language, its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// What the bar stands for.
    pub label: String,
    /// The language of `label` (plan content may stay Chinese in the English interface).
    pub language: Language,
    /// Its length.
    pub value: u64,
}

const ROW: f64 = 30.0;
const LABEL_WIDTH: f64 = 330.0;
const CHART_WIDTH: f64 = 760.0;

/// Bars scaled to the largest value; the SVG is one image to screen readers, described by a
/// sentence listing every bar (the tables on the page give the same figures in full).
#[component]
pub fn BarChart(
    /// The chart's title, in the interface language.
    #[prop(into)]
    title: Signal<String>,
    /// The bars, top to bottom.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// `data-testid` of the figure.
    testid: &'static str,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>();
    // Read by the summary, the height and the bars: computed once per change.
    let bars = Memo::new(move |_| bars.get());
    let summary = move || {
        let items: Vec<(String, u64)> =
            bars.get().into_iter().map(|b| (b.label, b.value)).collect();
        chart_summary(language.0.get(), &title.get(), &items)
    };
    let height = move || (bars.with(Vec::len).max(1) as f64) * ROW + 8.0;
    let drawn = move || {
        let all = bars.get();
        let largest = all.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
        let span = CHART_WIDTH - LABEL_WIDTH - 60.0;
        all.into_iter()
            .enumerate()
            .map(|(row, bar)| {
                let y = row as f64 * ROW + 4.0;
                let width = (bar.value as f64 / largest * span).max(if bar.value > 0 { 2.0 } else { 0.0 });
                view! {
                    <g>
                        <text x=LABEL_WIDTH - 8.0 y=y + 19.0 text-anchor="end" class="chart-label" lang=bar.language.code()>
                            {bar.label}
                        </text>
                        <rect x=LABEL_WIDTH y=y + 4.0 width=width height=ROW - 10.0 rx="3" class="chart-bar"></rect>
                        <text x=LABEL_WIDTH + width + 6.0 y=y + 19.0 class="chart-value">{bar.value}</text>
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="bar-chart" data-testid=testid>
            <figcaption>{move || title.get()}</figcaption>
            <svg
                role="img"
                aria-label=summary
                viewBox=move || format!("0 0 {CHART_WIDTH} {}", height())
                preserveAspectRatio="xMinYMin meet"
            >
                {drawn}
            </svg>
        </figure>
    }
}
