//! Architecture check: no import circle between the library's files, nor between its folders.
//!
//! Every path of the library's code that starts with `crate::`, `super::` or `self::` counts,
//! wherever it stands (a `use` line, an inline path, a `pub use`), with `use` trees such as
//! `use crate::domain::{campaign::Campaign, device::DeviceProfile}` expanded. Comments and
//! string literals are left out (a doc link is not a dependency). A path points at the deepest
//! file its leading segments name (`crate::domain::campaign::Campaign` → `src/domain/campaign.rs`;
//! `crate::storage::keys::DEVICE` → `src/storage/mod.rs`, where `keys` is an inline module).
//!
//! A circle between folders: at each folder, its direct children (files and sub-folders) import
//! each other in a loop, counting every import between files below them.
//!
//! And the layers: each top-level folder imports only from folders of the layers below it
//! (`LAYERS`, the order `src/lib.rs` draws).
#![cfg(not(target_arch = "wasm32"))]

mod circles;
mod rust_paths;

use circles::circles;
use rust_paths::{code_only, paths_in};

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Circles not broken yet, each as its members sorted and joined by " ↔ ". Keep it empty: a
/// circle is broken by moving the shared piece down a layer, not by merging files.
const KNOWN_CIRCLES: &[&str] = &[];

/// The layers, top first (`src/lib.rs` draws them): a file may import from its own folder and
/// from the folders of lower layers, never from a higher one or a sibling of its layer.
const LAYERS: &[&[&str]] = &[
    &["app"],
    &["pages"],
    &["components"],
    &["workflows"],
    &["state"],
    &["storage", "browser"],
    &["i18n"],
    &["domain"],
];

/// The library's source files (`src/main.rs` and `src/bin/` are the two apps' binaries: they
/// stand above everything).
fn source_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src is readable")
        .flatten()
        .collect();
    entries.sort_by_key(|entry| entry.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() && !path.ends_with("src/bin") {
            source_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("src/main.rs") {
            files.push(path);
        }
    }
}

/// `src/domain/campaign.rs` → `["domain", "campaign"]`; `src/domain/mod.rs` → `["domain"]`.
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(root).expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The file a path from module `here` points at (the deepest module file its segments name).
fn target_of(
    here: &[String],
    path: &[String],
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<PathBuf> {
    let mut module: Vec<String> = match path[0].as_str() {
        "crate" => Vec::new(),
        _ => here.to_vec(),
    };
    let mut segments = &path[1..];
    if path[0] == "super" {
        // `super` of a/b.rs (module a::b) and of a/mod.rs (module a) is the module above.
        module.pop();
    }
    while segments.first().is_some_and(|s| s == "super") {
        module.pop();
        segments = &segments[1..];
    }
    let mut deepest = modules.get(&module).cloned();
    for segment in segments {
        module.push(segment.clone());
        match modules.get(&module) {
            Some(file) => deepest = Some(file.clone()),
            None => break,
        }
    }
    deepest
}

/// Every import between two different files of the library, as `src/…` paths.
fn file_imports(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    source_files(root, &mut files);
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .map(|f| (module_of(root, f), f.clone()))
        .collect();
    let name = |file: &Path| format!("src/{}", file.strip_prefix(root).unwrap().display());
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let here = module_of(root, file);
        let code = code_only(&fs::read_to_string(file).unwrap());
        let from = name(file);
        edges.entry(from.clone()).or_default();
        for path in paths_in(&code) {
            if let Some(target) = target_of(&here, &path, &modules) {
                let to = name(&target);
                if to != from {
                    edges.entry(from.clone()).or_default().insert(to);
                }
            }
        }
    }
    edges
}

/// For each folder, the imports between its direct children (files and sub-folders).
fn folder_imports(
    files: &BTreeMap<String, BTreeSet<String>>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in files {
        for to in targets {
            let a: Vec<&str> = from.split('/').collect();
            let b: Vec<&str> = to.split('/').collect();
            let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            // Only where at least one side is a folder below the common one (file-to-file
            // imports in one folder are the file check's business).
            if common + 1 < a.len() || common + 1 < b.len() {
                let child = |parts: &[&str]| {
                    parts[..=common].join("/") + if common + 1 < parts.len() { "/" } else { "" }
                };
                edges.entry(child(&a)).or_default().insert(child(&b));
            }
        }
    }
    edges
}

fn describe(found: &[Vec<String>]) -> Vec<String> {
    found.iter().map(|group| group.join(" ↔ ")).collect()
}

#[test]
fn no_import_circles_between_files_or_folders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = file_imports(&root);
    let mut found = describe(&circles(&files));
    found.extend(describe(&circles(&folder_imports(&files))));
    found.sort();
    let known: Vec<String> = KNOWN_CIRCLES.iter().map(|c| (*c).to_owned()).collect();
    let new: Vec<&String> = found.iter().filter(|c| !known.contains(c)).collect();
    let gone: Vec<&String> = known.iter().filter(|c| !found.contains(c)).collect();
    for circle in &found {
        println!("circle: {circle}");
    }
    assert!(
        new.is_empty(),
        "new import circles (break them by moving the shared piece down):\n{}",
        new.iter()
            .map(|c| format!("  {c}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        gone.is_empty(),
        "circles broken: take them off KNOWN_CIRCLES:\n{}",
        gone.iter()
            .map(|c| format!("  {c}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The layer of `src/<folder>/…`, or `None` for `src/lib.rs`.
fn layer_of(file: &str) -> Option<(usize, &str)> {
    let folder = file.strip_prefix("src/")?.split('/').next()?;
    LAYERS
        .iter()
        .position(|layer| layer.contains(&folder))
        .map(|rank| (rank, folder))
}

#[test]
fn imports_point_down_the_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut upward = Vec::new();
    for (from, targets) in file_imports(&root) {
        let Some((from_rank, from_folder)) = layer_of(&from) else {
            continue;
        };
        for to in targets {
            let Some((to_rank, to_folder)) = layer_of(&to) else {
                continue;
            };
            if from_folder != to_folder && from_rank >= to_rank {
                upward.push(format!("{from} -> {to}"));
            }
        }
    }
    let unplaced: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !["lib.rs", "main.rs", "bin"].contains(&name.as_str()))
        .filter(|name| !LAYERS.iter().any(|layer| layer.contains(&name.as_str())))
        .collect();
    assert!(
        unplaced.is_empty(),
        "files or folders in src/ outside the layers: {unplaced:?}"
    );
    assert!(upward.is_empty(), "imports against the layers (app > pages > components > workflows > state > storage, browser > i18n > domain):\n  {}", upward.join("\n  "));
}

#[test]
fn the_check_sees_paths_of_every_form() {
    let code = code_only(
        "use crate::domain::{campaign::Campaign, device::{self, DeviceProfile}};\n\
         // crate::not::this\n\
         let s = \"not crate::this::either\";\n\
         #[serde(deserialize_with = \"crate::domain::instant::deserialize\")]\n\
         fn f() { super::plan_edit::plan_problems(x); self::inner::g(); }",
    );
    let mut paths: Vec<String> = paths_in(&code).into_iter().map(|p| p.join("::")).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "crate::domain::campaign::Campaign",
            "crate::domain::device::DeviceProfile",
            "crate::domain::device::self",
            "crate::domain::instant::deserialize",
            "self::inner::g",
            "super::plan_edit::plan_problems",
        ]
    );
    let mut edges = BTreeMap::new();
    edges.insert("a", BTreeSet::from(["b"]));
    edges.insert("b", BTreeSet::from(["c"]));
    edges.insert("c", BTreeSet::from(["a"]));
    edges.insert("d", BTreeSet::from(["a"]));
    assert_eq!(circles(&edges), vec![vec!["a", "b", "c"]]);
}
