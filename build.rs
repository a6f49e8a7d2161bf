//! The release build's wasm is cut into per-page chunks after linking (scripts/split-wasm.mjs),
//! and the splitter needs the linker's relocations to move code between modules. Only that
//! build keeps them: they would only make other builds larger.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    if split && wasm && release {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
