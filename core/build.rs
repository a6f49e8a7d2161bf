//! Compiles the content: reads `content/*.json` into the types of `src/content/schema.rs`,
//! checks them (`src/content/check.rs`), and writes them as Rust statics for `src/content/mod.rs`
//! to include. Any problem fails the build with the file, the entry's id and the reason.
//!
//! The modules below are the crate's own files, compiled into this script as well, so the build
//! and the app read the content with one set of types and one set of checks. The script uses only
//! part of each, hence the allowances.
#![allow(dead_code, unused_imports)]

#[macro_use]
#[path = "src/content/macros.rs"]
mod macros;

mod content {
    #[path = "../src/content/bake.rs"]
    pub mod bake;
    #[path = "../src/content/check.rs"]
    pub mod check;
    #[path = "../src/content/read.rs"]
    pub mod read;
    #[path = "../src/content/schema.rs"]
    pub mod schema;
}
#[path = "src/conditions.rs"]
mod conditions;
#[path = "src/dates.rs"]
mod dates;
#[path = "src/launch/fields.rs"]
pub mod launch_fields;
mod launch {
    pub use super::launch_fields as fields;
}
#[path = "src/phone.rs"]
mod phone;
#[path = "src/routes.rs"]
mod routes;
#[path = "src/text.rs"]
mod text;
#[path = "src/vocab/mod.rs"]
mod vocab;

use content::bake::Bake;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let texts: Vec<(&str, String)> = content::check::FILE_NAMES
        .iter()
        .map(|name| {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&[format!("{}: {e}", path.display())]));
            (*name, text)
        })
        .collect();
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();

    let problems = content::check::validate(&files);
    if !problems.is_empty() {
        fail(&problems);
    }
    let content = content::check::read_content(&files).unwrap_or_else(|errors| fail(&errors));
    let (oldest, newest) = content::check::verified_range(&content);

    let mut out = String::from("// Written by core/build.rs from core/content/*.json. Do not edit.\n");
    out.push_str("pub static CONTENT: crate::content::schema::Content = crate::content::schema::Content { sources: ");
    content.sources.bake(&mut out);
    out.push_str(", disagreements: ");
    content.disagreements.bake(&mut out);
    out.push_str(", service_levels: ");
    content.service_levels.bake(&mut out);
    out.push_str(", checklist: ");
    content.checklist.bake(&mut out);
    out.push_str(", support: ");
    content.support.bake(&mut out);
    out.push_str(", launch: ");
    content.launch.bake(&mut out);
    out.push_str(" };\n");
    out.push_str(&format!("pub const VERIFIED_RANGE: (&str, &str) = ({oldest:?}, {newest:?});\n"));
    let target = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| fail(&[format!("{}: {e}", target.display())]));
}

/// Stops the build, listing every problem.
fn fail(problems: &[String]) -> ! {
    eprintln!("\nThe bundled content has {} problem(s); the build stops here:", problems.len());
    for problem in problems {
        eprintln!("  content/{problem}");
    }
    eprintln!();
    std::process::exit(1);
}
