//! The crate's layout, as invariants: no import cycle between the files of `core/src`, and no
//! file in `core/src` or the app's `src/` longer than a reader can hold (600 lines, tests
//! beside the code included). A facade (`mod.rs`, `lib.rs`) only declares and re-exports; an
//! import through it counts as an import of the file that defines the name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The module path of a file under `src`: `launch/fields.rs` is `["launch", "fields"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code of a file without its unit tests, which may import anything.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Names a file defines (`pub`, `pub(super)` or `pub(crate)` items, macro-made ones included).
fn defined_names(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in code.lines() {
        let mut rest = line.trim_start();
        let Some(after) = rest.strip_prefix("pub") else { continue };
        rest = after;
        if rest.starts_with('(') {
            rest = rest.split_once(')').map_or("", |(_, r)| r);
        }
        let rest = rest.trim_start();
        for kind in ["const fn ", "fn ", "struct ", "enum ", "const ", "static ", "type ", "trait "] {
            if let Some(name) = rest.strip_prefix(kind) {
                let name: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                names.insert(name);
                break;
            }
        }
    }
    names
}

/// Every path after `crate::` or `super::` in the code, with `a::{b, c::d}` spread out.
fn paths(code: &str) -> Vec<(bool, Vec<String>)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for root in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(found) = code[from..].find(root) {
            let at = from + found;
            from = at + root.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let mut segments = Vec::new();
            let mut i = at + root.len();
            loop {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if i > start {
                    segments.push(code[start..i].to_string());
                }
                if code[i..].starts_with("::{") {
                    let end = code[i..].find('}').map_or(code.len(), |e| i + e);
                    for item in code[i + 3..end].split(',') {
                        let item = item.split(" as ").next().unwrap_or("").trim();
                        if item.is_empty() || item == "*" {
                            continue;
                        }
                        let mut path = segments.clone();
                        if item != "self" {
                            path.extend(item.split("::").map(str::to_string));
                        }
                        out.push((root == "crate::", path));
                    }
                    segments.clear();
                    break;
                }
                if code[i..].starts_with("::") && i > start {
                    i += 2;
                    continue;
                }
                break;
            }
            if !segments.is_empty() {
                out.push((root == "crate::", segments));
            }
        }
    }
    out
}

#[test]
fn the_files_of_core_import_each_other_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    let modules: BTreeMap<Vec<String>, &PathBuf> = files.iter().map(|f| (module_of(&src, f), f)).collect();
    let names: BTreeMap<&PathBuf, BTreeSet<String>> = files.iter().map(|f| (f, defined_names(&code(f)))).collect();
    // The file a path names: the module's own file, or, through a facade, the file under it
    // that defines the name.
    let target = |path: &[String]| -> Option<&PathBuf> {
        (1..=path.len()).rev().find_map(|n| {
            let module = &path[..n];
            let file = modules.get(module)?;
            let Some(name) = path.get(n) else { return Some(*file) };
            let definer = modules.iter().filter(|(m, _)| m.starts_with(module)).map(|(_, f)| *f).find(|f| names[f].contains(name));
            Some(definer.unwrap_or(file))
        })
    };
    let mut edges: BTreeMap<&PathBuf, BTreeSet<&PathBuf>> = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let code = code(file);
        let mut deps = BTreeSet::new();
        for (from_crate, path) in paths(&code) {
            let base: Vec<String> = if from_crate { Vec::new() } else { module[..module.len().saturating_sub(1)].to_vec() };
            let full: Vec<String> = base.into_iter().chain(path).collect();
            if let Some(to) = target(&full).filter(|to| *to != file) {
                deps.insert(to);
            }
        }
        // A facade's `pub use child::…` points at its children.
        for line in code.lines().map(str::trim) {
            let Some(rest) = line.strip_prefix("pub use ").or_else(|| line.strip_prefix("use ")) else { continue };
            let child = rest.split("::").next().unwrap_or("");
            let mut child_module = module.clone();
            child_module.push(child.to_string());
            if let Some(to) = modules.get(&child_module) {
                deps.insert(*to);
            }
        }
        edges.insert(file, deps);
    }
    assert!(edges.values().map(BTreeSet::len).sum::<usize>() > 100, "the import reader found too few imports to be reading them");
    // Depth-first search for a path back to where it started.
    fn visit<'a>(
        file: &'a PathBuf,
        edges: &BTreeMap<&'a PathBuf, BTreeSet<&'a PathBuf>>,
        state: &mut BTreeMap<&'a PathBuf, u8>,
        path: &mut Vec<&'a PathBuf>,
    ) -> Option<Vec<&'a PathBuf>> {
        match state.get(file) {
            Some(2) => return None,
            Some(1) => {
                let start = path.iter().position(|f| *f == file).unwrap();
                return Some(path[start..].to_vec());
            }
            _ => {}
        }
        state.insert(file, 1);
        path.push(file);
        for next in &edges[file] {
            if let Some(cycle) = visit(next, edges, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(file, 2);
        None
    }
    let mut state = BTreeMap::new();
    for file in &files {
        if let Some(cycle) = visit(file, &edges, &mut state, &mut Vec::new()) {
            let names: Vec<String> = cycle.iter().chain(cycle.first()).map(|f| f.strip_prefix(&src).unwrap().display().to_string()).collect();
            panic!("import cycle: {}", names.join(" -> "));
        }
    }
}

#[test]
fn no_source_file_is_longer_than_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    for dir in [root.join("src"), root.join("../src")] {
        for file in rust_files(&dir) {
            let lines = std::fs::read_to_string(&file).unwrap().lines().count();
            if lines > 600 {
                long.push(format!("{} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(long.is_empty(), "split these by job: {long:?}");
}

/// The import reader sees grouped, renamed and inline paths (a cycle made through any of them
/// fails the check above; tried by hand with a probe function).
#[test]
fn the_import_reader_spreads_grouped_imports() {
    let found = paths("use crate::launch::{fields::LaunchField, LaunchForm as Form};\nlet x = super::view::Stream::default();");
    assert!(found.contains(&(true, vec!["launch".into(), "fields".into(), "LaunchField".into()])), "{found:?}");
    assert!(found.contains(&(true, vec!["launch".into(), "LaunchForm".into()])), "{found:?}");
    assert!(found.contains(&(false, vec!["view".into(), "Stream".into(), "default".into()])), "{found:?}");
}

/// The rules crate depends on no browser crate, so nothing in it can reach for the DOM: what
/// `cargo tree -p portal_core` lists (dev-dependencies included) holds none of them.
#[test]
fn the_rules_depend_on_no_browser_crate() {
    let output = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["tree", "--offline", "--prefix", "none", "-e", "normal,build,dev", "-p", "portal_core", "--manifest-path"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml"))
        .output()
        .unwrap();
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && tree.contains("serde_json"), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    for browser_crate in ["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo"] {
        assert!(!tree.lines().any(|line| line.starts_with(browser_crate)), "portal_core depends on {browser_crate}:\n{tree}");
    }
}
