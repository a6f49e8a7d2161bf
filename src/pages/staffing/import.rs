//! Importing launch requests: any number of files from the picker or dropped on the page, each
//! checked on its own. A bad file is named with what is wrong; the others still import.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Planner;
use crate::browser;
use crate::components::field::Field;
use crate::logic::planner::{is_workspace, read_json, read_request_file, read_workspace, Added, PlannedLaunch, RequestFile};

/// What importing one file did.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Added(String),
    Replaced(String),
    Failed(String),
}

/// Reads every file at once (one promise for all: a thousand files one after another would
/// take a task each).
async fn read_all(files: Vec<web_sys::File>) -> Vec<(String, Result<String, String>)> {
    let promises = js_sys::Array::new();
    for file in &files {
        promises.push(&file.text());
    }
    let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
    match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&promises)).await {
        Ok(texts) => {
            let texts: js_sys::Array = texts.unchecked_into();
            names.into_iter().zip(texts.iter()).map(|(name, text)| (name, text.as_string().ok_or_else(|| "it is not text".to_string()))).collect()
        }
        // One unreadable file fails them all: read them one by one to say which.
        Err(_) => {
            let mut out = Vec::new();
            for (name, file) in names.into_iter().zip(files) {
                out.push((name, browser::read_file_text(file).await));
            }
            out
        }
    }
}

/// Adds what each file holds to the workspace; returns a line per file (or per bad request in a
/// workspace file), and the keys added or replaced.
fn import_texts(planner: Planner, files: Vec<(String, Result<String, String>)>) -> (Vec<Outcome>, Vec<String>) {
    let mut outcomes = Vec::new();
    let mut changed = Vec::new();
    let mut incoming: Vec<(String, PlannedLaunch)> = Vec::new();
    let was_empty = planner.launches.with_untracked(Vec::is_empty);
    for (name, text) in files {
        let text = match text {
            Ok(text) => text,
            Err(reason) => {
                outcomes.push(Outcome::Failed(format!("{name} could not be read: {reason}.")));
                continue;
            }
        };
        let value = match read_json(&text) {
            Ok(value) => value,
            Err(problem) => {
                outcomes.push(Outcome::Failed(problem.message(&name)));
                continue;
            }
        };
        if is_workspace(&value) {
            match read_workspace(value) {
                Ok(read) => {
                    for (position, problem) in read.skipped {
                        outcomes.push(Outcome::Failed(problem.message(&format!("Request {position} in {name}"))));
                    }
                    let ws = read.workspace;
                    // A workspace opened into an empty planner brings its assumptions too; into a
                    // planner at work, only its requests and what it says about them.
                    if was_empty && planner.assumption_texts.with_untracked(|a| a.is_empty()) {
                        planner.assumption_texts.set(ws.assumption_texts.clone());
                    }
                    planner.switched_off.update(|off| off.extend(ws.switched_off.iter().cloned()));
                    planner.own.update(|own| own.extend(ws.own_assumptions.iter().cloned()));
                    for launch in ws.launches {
                        incoming.push((format!("{name} (workspace)"), launch));
                    }
                }
                Err(problem) => outcomes.push(Outcome::Failed(problem.message(&name))),
            }
            continue;
        }
        match read_request_file(value) {
            Ok(RequestFile::One(launch)) => incoming.push((name, launch)),
            Ok(RequestFile::List { launches, skipped }) => {
                for (position, problem) in skipped {
                    outcomes.push(Outcome::Failed(problem.message(&format!("Request {position} in {name}"))));
                }
                incoming.extend(launches.into_iter().map(|launch| (format!("{name} (list)"), launch)));
            }
            Err(problem) => outcomes.push(Outcome::Failed(problem.message(&name))),
        }
    }
    planner.launches.update(|launches| {
        let mut workspace = crate::logic::planner::Workspace { launches: std::mem::take(launches), ..Default::default() };
        for (name, launch) in incoming {
            let label = launch.name();
            let placed = launch.placed_on().0.to_iso();
            changed.push(launch.key.clone());
            match workspace.add(launch) {
                Added::New => outcomes.push(Outcome::Added(format!("{name}: {label}, placed on {placed}."))),
                Added::Replaced => {
                    outcomes.push(Outcome::Replaced(format!("{name}: {label} was already here under the same request key; this copy replaced it.")))
                }
            }
        }
        *launches = workspace.launches;
    });
    (outcomes, changed)
}

/// The file picker, the drop target and what the last import did.
#[component]
pub(super) fn ImportArea() -> impl IntoView {
    let planner = expect_context::<Planner>();
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    let dragging = RwSignal::new(false);
    let failed = Signal::derive(move || {
        outcomes.with(|list| {
            let failed = list.iter().filter(|o| matches!(o, Outcome::Failed(_))).count();
            (failed > 0)
                .then(|| format!("{failed} of the files or requests could not be imported: the list below says why. The others were imported."))
        })
    });
    let import = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let texts = read_all(files).await;
            let (result, changed) = import_texts(planner, texts);
            planner.changed_requests(changed, []);
            outcomes.set(result);
            request_animation_frame(|| {
                browser::focus_by_id("import-results");
            });
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        input.set_value("");
        import(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files =
            ev.data_transfer().and_then(|dt| dt.files()).map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        import(files);
    };
    let opening = move || planner.keeping.with(|k| *k == super::Keeping::Opening);

    view! {
        <section aria-labelledby="import-heading" class="staffing-import" class:staffing-import--dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <h2 id="import-heading">"Import launch requests"</h2>
            <Field id="import-requests" label="Launch request files"
                hint="Choose any number of .json files made on the launch page, or an exported workspace; or drop them on this box. Each file is checked on its own."
                error=failed announce_error=true let:control>
                <input class="usa-input import-input" id=control.id type="file" multiple accept=".json,application/json" disabled=opening
                    aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get() on:change=on_pick />
            </Field>
            {move || outcomes.with(|list| (!list.is_empty()).then(|| {
                let failures: Vec<String> = list.iter().filter_map(|o| match o { Outcome::Failed(m) => Some(m.clone()), _ => None }).collect();
                let done: Vec<(bool, String)> = list.iter().filter_map(|o| match o {
                    Outcome::Added(m) => Some((false, m.clone())),
                    Outcome::Replaced(m) => Some((true, m.clone())),
                    Outcome::Failed(_) => None,
                }).collect();
                view! {
                    <div class="import-results" id="import-results" tabindex="-1" data-testid="import-results">
                        <h3>{format!("Imported {} of {}", done.len(), done.len() + failures.len())}</h3>
                        {(!failures.is_empty()).then(|| view! {
                            <div class="usa-alert usa-alert--error usa-alert--slim" data-testid="import-errors">
                                <div class="usa-alert__body">
                                    <ul class="usa-list">{failures.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                                </div>
                            </div>
                        })}
                        {(!done.is_empty()).then(|| view! {
                            <ul class="usa-list import-done" data-testid="import-done">
                                {done.into_iter().map(|(replaced, m)| view! { <li class:import-done--replaced=replaced>{m}</li> }).collect_view()}
                            </ul>
                        })}
                    </div>
                }
            }))}
        </section>
    }
}
