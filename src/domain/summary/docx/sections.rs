//! The summary's sections, in the document's order: the overview with its tables, one section
//! per summary direction, the photos, the videos, and the closing line naming the sources.

use super::blocks::{paragraph, paragraph_kept, picture, table, Xml, TEXT_WIDTH};
use super::facts::{DocumentFacts, PhotoGap, PhotoSlot, SummaryWords};
use crate::domain::figures::statistics::Figures;
use crate::domain::summary::outline::{ActivityLabel, SummaryOutline, SummaryScope};

fn figure_cells(figures: &Figures) -> [String; 4] {
    [
        figures.events.to_string(),
        figures.person_times.to_string(),
        figures.publicity_minutes.to_string(),
        figures.publicity_reports.to_string(),
    ]
}

fn activity_name(label: &ActivityLabel, words: &SummaryWords) -> String {
    match label {
        ActivityLabel::Planned { title, .. } => title.clone(),
        ActivityLabel::Other(None) => words.other_activities.to_owned(),
        ActivityLabel::Other(Some(title)) => {
            format!("{}{}{title}", words.other_activities, words.colon)
        }
    }
}

/// Column widths, in twips, of the tables (each sums to [`TEXT_WIDTH`]).
const FIGURE_WIDTH: u32 = 1200;
const NUMBER_WIDTH: u32 = 800;

fn with_figure_columns<'a>(first: &[&'a str], words: &'a SummaryWords) -> Vec<&'a str> {
    let mut header = first.to_vec();
    header.extend(words.figure_columns);
    header
}

pub(super) fn overview(xml: &mut Xml, outline: &SummaryOutline, words: &SummaryWords, scope: &str) {
    paragraph(
        xml,
        "Heading1",
        &format!("{}{}", words.numbers[0], words.overview),
    );
    let period = (words.period)(outline.period);
    paragraph(
        xml,
        "Normal",
        &(words.totals_sentence)(scope, &period, &outline.totals),
    );

    paragraph(
        xml,
        "Heading2",
        &format!("{}{}", words.sub_numbers[0], words.by_activity),
    );
    let mut rows: Vec<Vec<String>> = outline
        .per_activity
        .iter()
        .map(|row| {
            let number = match &row.activity {
                ActivityLabel::Planned { number, .. } => number.to_string(),
                ActivityLabel::Other(_) => String::new(),
            };
            let mut cells = vec![number, activity_name(&row.activity, words)];
            cells.extend(figure_cells(&row.figures));
            cells
        })
        .collect();
    let mut total = vec![String::new(), words.total.to_owned()];
    total.extend(figure_cells(&outline.totals));
    rows.push(total);
    let name_width = TEXT_WIDTH - NUMBER_WIDTH - 4 * FIGURE_WIDTH;
    let widths = [
        NUMBER_WIDTH,
        name_width,
        FIGURE_WIDTH,
        FIGURE_WIDTH,
        FIGURE_WIDTH,
        FIGURE_WIDTH,
    ];
    let header = with_figure_columns(&[words.number_column, words.activity_column], words);
    table(xml, &widths, &header, &rows, true);

    if outline.scope == SummaryScope::District {
        paragraph(
            xml,
            "Heading2",
            &format!("{}{}", words.sub_numbers[1], words.by_unit),
        );
        let mut rows: Vec<Vec<String>> = outline
            .per_unit
            .iter()
            .map(|(unit, figures)| {
                let mut cells = vec![unit.clone()];
                cells.extend(figure_cells(figures));
                cells
            })
            .collect();
        let mut total = vec![words.total.to_owned()];
        total.extend(figure_cells(&outline.totals));
        rows.push(total);
        let widths = [
            TEXT_WIDTH - 4 * FIGURE_WIDTH,
            FIGURE_WIDTH,
            FIGURE_WIDTH,
            FIGURE_WIDTH,
            FIGURE_WIDTH,
        ];
        table(
            xml,
            &widths,
            &with_figure_columns(&[words.unit_column], words),
            &rows,
            true,
        );
    }
}

pub(super) fn directions(xml: &mut Xml, outline: &SummaryOutline, words: &SummaryWords) {
    for (index, section) in outline.directions.iter().enumerate() {
        let number = words.numbers.get(index + 1).copied().unwrap_or("");
        paragraph(xml, "Heading1", &format!("{number}{}", section.name));
        paragraph(
            xml,
            "Heading2",
            &format!("{}{}", words.sub_numbers[0], words.direction_events),
        );
        if section.is_empty() {
            paragraph(xml, "Normal", words.empty_direction);
        } else {
            let sentence = (words.direction_sentence)(&section.figures);
            paragraph_kept(xml, "Normal", &sentence, true);
            match outline.scope {
                SummaryScope::Unit(_) => {
                    let rows: Vec<Vec<String>> = section
                        .events
                        .iter()
                        .map(|event| {
                            let figures = figure_cells(&event.figures);
                            let [_, person_times, minutes, reports] = figures;
                            vec![
                                (words.short_date)(event.start_date),
                                activity_name(&event.activity, words),
                                event.place.clone(),
                                person_times,
                                minutes,
                                reports,
                            ]
                        })
                        .collect();
                    let widths = [1100, 2344, 1800, FIGURE_WIDTH, FIGURE_WIDTH, FIGURE_WIDTH];
                    let [_, person_times, minutes, reports] = words.figure_columns;
                    let header = [
                        words.date_column,
                        words.activity_column,
                        words.place_column,
                        person_times,
                        minutes,
                        reports,
                    ];
                    table(xml, &widths, &header, &rows, false);
                }
                SummaryScope::District => {
                    let rows: Vec<Vec<String>> = section
                        .groups
                        .iter()
                        .map(|group| {
                            let mut cells =
                                vec![activity_name(&group.activity, words), group.unit.clone()];
                            cells.extend(figure_cells(&group.figures));
                            cells
                        })
                        .collect();
                    let widths = [
                        2645,
                        1400,
                        FIGURE_WIDTH,
                        FIGURE_WIDTH,
                        FIGURE_WIDTH,
                        FIGURE_WIDTH,
                    ];
                    let header =
                        with_figure_columns(&[words.activity_column, words.unit_column], words);
                    table(xml, &widths, &header, &rows, false);
                }
            }
        }
        paragraph(
            xml,
            "Heading2",
            &format!("{}{}", words.sub_numbers[1], words.direction_narrative),
        );
        paragraph(xml, "Narrative", words.narrative_prompt);
    }
}

/// The photos, each with its caption under it, or the note on why it is missing.
pub(super) fn photos(
    xml: &mut Xml,
    outline: &SummaryOutline,
    slots: &[PhotoSlot],
    words: &SummaryWords,
    number: &str,
) {
    paragraph(xml, "Heading1", &format!("{number}{}", words.photos));
    if outline.photos.is_empty() {
        paragraph(xml, "Normal", words.no_photos);
    }
    for (index, photo) in outline.photos.iter().enumerate() {
        match slots.get(index) {
            Some(PhotoSlot::Embedded(header)) => {
                let relationship = format!("rIdPhoto{}", index + 1);
                picture(xml, *header, &relationship, index + 1, &photo.caption);
            }
            Some(PhotoSlot::Gap(gap)) => {
                paragraph(xml, "Narrative", &(words.photo_gap)(&photo.file, *gap))
            }
            None => paragraph(
                xml,
                "Narrative",
                &(words.photo_gap)(&photo.file, PhotoGap::Missing),
            ),
        }
        let label = (words.photo_label)(index + 1);
        paragraph(xml, "Caption", &format!("{label}\u{3000}{}", photo.caption));
    }
}

pub(super) fn videos(xml: &mut Xml, outline: &SummaryOutline, words: &SummaryWords, number: &str) {
    paragraph(xml, "Heading1", &format!("{number}{}", words.videos));
    if outline.videos.is_empty() {
        paragraph(xml, "Normal", words.no_videos);
    }
    for video in &outline.videos {
        let line = (words.video_line)(
            &(words.date)(video.start_date),
            &activity_name(&video.activity, words),
            video.count,
            &video.files.join(words.list_separator),
        );
        paragraph(xml, "Normal", &line);
    }
}

pub(super) fn sources(
    xml: &mut Xml,
    outline: &SummaryOutline,
    words: &SummaryWords,
    facts: &DocumentFacts,
) {
    let devices: Vec<String> = outline
        .sources
        .devices
        .iter()
        .map(|(id, label)| label.clone().unwrap_or_else(|| (words.unnamed_device)(id)))
        .collect();
    let line = (words.sources)(
        outline.sources.events,
        &devices.join(words.list_separator),
        &(words.time)(facts.exported_at),
        facts.app_version,
    );
    paragraph(xml, "Sources", &line);
}
