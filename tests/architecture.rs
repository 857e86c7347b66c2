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

/// The library's source files (`src/main.rs` is the binary: it stands above everything).
fn source_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src is readable")
        .flatten()
        .collect();
    entries.sort_by_key(|entry| entry.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
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

/// The code without comments, string and char literals (each replaced by a space).
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || (next == Some('#') && !prev_is_ident(&chars, i)))
        {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') || prev_is_ident(&chars, i) {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            'raw: while j < chars.len() {
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break 'raw;
                }
                j += 1;
            }
            i = j;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{..}') or a lifetime ('a): skip only literals.
            let close = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&k| chars[k] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => {
                    i = end + 1;
                    out.push(' ');
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// Expands a `use` tree (`crate::a::{b::C, d}`) into its paths.
fn expand_use_tree(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (index, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .flat_map(|part| expand_use_tree(&format!("{prefix}{part}")))
        .collect()
}

/// Every `crate::`/`super::`/`self::` path in `code`, as segments.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut rest = String::new();
    // `use` statements first (their trees need expanding), the rest of the code after.
    let mut remaining = code;
    while let Some(at) = find_word(remaining, "use") {
        rest.push_str(&remaining[..at]);
        let after = &remaining[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        for path in expand_use_tree(&after[..end]) {
            found.push(path);
        }
        remaining = after.get(end + 1..).unwrap_or("");
    }
    rest.push_str(remaining);
    let bytes = rest.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(offset) = rest[from..].find(start) {
            let at = from + offset;
            from = at + start.len();
            if at > 0
                && (bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':')
            {
                continue;
            }
            let end = rest[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(rest.len(), |e| at + e);
            found.push(rest[at..end].to_owned());
        }
    }
    found
        .into_iter()
        .map(|path| {
            path.split("::")
                .map(|segment| segment.split(" as ").next().unwrap_or(segment).to_owned())
                .filter(|segment| !segment.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|segments| {
            matches!(
                segments.first().map(String::as_str),
                Some("crate" | "super" | "self")
            )
        })
        .collect()
}

/// The byte offset of `word` standing alone (not part of a longer name), if any.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = text[from..].find(word) {
        let at = from + offset;
        let before = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let after = bytes
            .get(at + word.len())
            .is_none_or(|b| b.is_ascii_whitespace());
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The file a path from module `here` points at (the deepest module file its segments name).
fn target_of(
    here: &[String],
    is_mod_file: bool,
    path: &[String],
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<PathBuf> {
    let mut module: Vec<String> = match path[0].as_str() {
        "crate" => Vec::new(),
        _ => here.to_vec(),
    };
    let mut segments = &path[1..];
    if path[0] == "super" {
        // `super` of a file module a/b.rs is `a`; of a/mod.rs it is the parent of `a`.
        let _ = is_mod_file;
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

/// The strongly connected groups of more than one member (Tarjan), each sorted.
fn circles<N: Ord + Clone>(edges: &BTreeMap<N, BTreeSet<N>>) -> Vec<Vec<N>> {
    struct State<N> {
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        stack: Vec<N>,
        on_stack: BTreeSet<N>,
        next: usize,
        found: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone>(node: &N, edges: &BTreeMap<N, BTreeSet<N>>, s: &mut State<N>) {
        s.index.insert(node.clone(), s.next);
        s.low.insert(node.clone(), s.next);
        s.next += 1;
        s.stack.push(node.clone());
        s.on_stack.insert(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if !s.index.contains_key(next) {
                visit(next, edges, s);
                let low = s.low[node].min(s.low[next]);
                s.low.insert(node.clone(), low);
            } else if s.on_stack.contains(next) {
                let low = s.low[node].min(s.index[next]);
                s.low.insert(node.clone(), low);
            }
        }
        if s.low[node] == s.index[node] {
            let mut group = Vec::new();
            while let Some(member) = s.stack.pop() {
                s.on_stack.remove(&member);
                let done = &member == node;
                group.push(member);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !state.index.contains_key(node) {
            visit(node, edges, &mut state);
        }
    }
    state.found.sort();
    state.found
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
        let is_mod_file = file
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        let code = code_only(&fs::read_to_string(file).unwrap());
        let from = name(file);
        edges.entry(from.clone()).or_default();
        for path in paths_in(&code) {
            if let Some(target) = target_of(&here, is_mod_file, &path, &modules) {
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
        .filter(|name| !["lib.rs", "main.rs"].contains(&name.as_str()))
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
         let s = \"crate::nor::this\";\n\
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
