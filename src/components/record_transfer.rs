use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::logic::record::{self, export_file_name};
use crate::store::{use_store, NoticeKind};

/// Download the whole record as a file, or replace it with an imported one. A bad file is
/// explained next to the file field and changes nothing.
#[component]
pub fn RecordTransfer() -> impl IntoView {
    let store = use_store();
    let import_error = RwSignal::new(None::<String>);
    let import_done = RwSignal::new(None::<String>);

    let export = move |_| {
        let today = browser::today_iso();
        let (name, text) = store.record.with(|r| (export_file_name(r, &today, "json"), crate::logic::export::record_json(r, crate::logic::content::content(), &today)));
        if let Err(reason) = browser::download(&name, "application/json", &text) {
            store.notify(NoticeKind::Error, format!("The download did not start: {reason}."), None);
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        let file_name = file.name();
        import_error.set(None);
        import_done.set(None);
        leptos::task::spawn_local(async move {
            let outcome = browser::read_file_text(file).await.and_then(|text| record::import(&text).map_err(|e| e.to_string()));
            match outcome {
                Ok(imported) => {
                    store.record.set(imported);
                    import_done.set(Some(format!("Imported {file_name}. The portal now shows the work it holds.")));
                }
                Err(reason) => import_error.set(Some(format!("{file_name} was not imported. {reason} Your current work is unchanged."))),
            }
            input.set_value("");
        });
    };

    let described_by = move || {
        if import_error.with(Option::is_some) { "import-hint import-error" } else { "import-hint" }
    };

    view! {
        <div class="record-transfer">
            <p>
                "Your work is one record. Download it to keep a copy, move it to another computer or send it to a reviewer, who imports it here."
            </p>
            <button type="button" class="usa-button" on:click=export>"Download your record (JSON)"</button>
            <div class="usa-form-group" class:usa-form-group--error=move || import_error.with(Option::is_some)>
                <label class="usa-label" for="import-record">"Import a record"</label>
                <span class="usa-hint" id="import-hint">"A .json file downloaded from this portal. It replaces the work shown here."</span>
                {move || import_error.get().map(|message| view! {
                    <span class="usa-error-message" id="import-error" role="alert">{message}</span>
                })}
                <input
                    class="usa-input import-input"
                    id="import-record"
                    type="file"
                    accept=".json,application/json"
                    aria-describedby=described_by
                    on:change=on_file
                />
            </div>
            {move || import_done.get().map(|message| view! {
                <div class="usa-alert usa-alert--success usa-alert--slim" role="status">
                    <div class="usa-alert__body"><p class="usa-alert__text">{message}</p></div>
                </div>
            })}
        </div>
    }
}
