use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::field::Field;
use crate::logic::export::DownloadFile;
use crate::logic::record::{self, export_file_name};
use crate::store::use_store;

/// A file read and checked, waiting for the user to confirm that it may replace their work.
#[derive(Clone)]
struct PendingImport {
    file_name: String,
    record: record::ReadinessRecord,
    loss: String,
}

/// Download the whole record as a file, or replace it with an imported one. A bad file is
/// explained next to the file field and changes nothing; a good one that would replace other
/// work says what would be lost and asks first; an import can be undone while the page is open.
#[component]
pub fn RecordTransfer() -> impl IntoView {
    let store = use_store();
    let import_error = RwSignal::new(None::<String>);
    let import_done = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<PendingImport>);
    // The work an import replaced, for "Undo import". Kept in memory only: it lasts while the
    // page stays open, as the button says.
    let replaced = StoredValue::new(None::<record::ReadinessRecord>);
    let can_undo = RwSignal::new(false);

    let export = move |_| {
        let today = browser::today_iso();
        let file = store.record.with(|r| DownloadFile {
            name: export_file_name(r, &today, "json"),
            mime: "application/json",
            body: crate::logic::export::record_json(r, crate::logic::content::content(), &today),
        });
        store.offer_download(&file);
    };

    let apply = move |file_name: String, imported: record::ReadinessRecord| {
        let previous = store.record.get_untracked();
        store.record.set(imported);
        replaced.set_value(Some(previous));
        can_undo.set(true);
        import_done.set(Some(format!("Imported {file_name}. The portal now shows the work it holds.")));
        request_animation_frame(|| {
            browser::focus_by_id("import-result");
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        let file_name = file.name();
        import_error.set(None);
        import_done.set(None);
        pending.set(None);
        leptos::task::spawn_local(async move {
            let outcome = browser::read_file_text(file).await.and_then(|text| record::import(&text).map_err(|e| e.to_string()));
            match outcome {
                Ok(imported) => match store.record.with_untracked(|current| record::import_loss(current, &imported)) {
                    None => apply(file_name, imported),
                    Some(loss) => {
                        pending.set(Some(PendingImport { file_name, record: imported, loss }));
                        request_animation_frame(|| {
                            browser::focus_by_id("import-confirm");
                        });
                    }
                },
                Err(reason) => import_error.set(Some(format!("{file_name} was not imported. {reason} Your current work is unchanged."))),
            }
            input.set_value("");
        });
    };

    let confirm = move |_| {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            apply(p.file_name, p.record);
        }
    };
    let keep = move |_| {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            import_done.set(Some(format!("{} was not imported. Your work is unchanged.", p.file_name)));
            can_undo.set(false);
        }
    };
    let undo = move |_| {
        if let Some(previous) = replaced.get_value() {
            store.record.set(previous);
            replaced.set_value(None);
            can_undo.set(false);
            import_done.set(Some("Import undone: the work you had before is back.".to_string()));
        }
    };

    view! {
        <div class="record-transfer">
            <p>
                "Your work is one record. Download it to keep a copy, move it to another computer or send it to a reviewer, who imports it here."
            </p>
            <button type="button" class="usa-button" on:click=export>"Download your record (JSON)"</button>
            <Field id="import-record" label="Import a record" hint="A .json file downloaded from this portal. If it would replace other work, the portal asks first."
                error=import_error announce_error=true let:control>
                <input class="usa-input import-input" id=control.id type="file" accept=".json,application/json"
                    aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get() on:change=on_file />
            </Field>
            {move || pending.get().map(|p| view! {
                <div class="usa-alert usa-alert--warning import-confirm" id="import-confirm" tabindex="-1" role="group" aria-labelledby="import-confirm-heading" data-testid="import-confirm">
                    <div class="usa-alert__body">
                        <h3 class="usa-alert__heading" id="import-confirm-heading">{format!("Replace your work with {}?", p.file_name)}</h3>
                        <p class="usa-alert__text">{p.loss.clone()}</p>
                        <div class="export-buttons">
                            <button type="button" class="usa-button usa-button--secondary" on:click=confirm>"Replace my work"</button>
                            <button type="button" class="usa-button usa-button--outline" on:click=keep>"Keep my work"</button>
                        </div>
                    </div>
                </div>
            })}
            {move || import_done.get().map(|message| view! {
                <div class="usa-alert usa-alert--success usa-alert--slim" id="import-result" tabindex="-1" role="status">
                    <div class="usa-alert__body">
                        <p class="usa-alert__text">{message}</p>
                        {move || can_undo.get().then(|| view! {
                            <button type="button" class="usa-button usa-button--unstyled" on:click=undo>"Undo import"</button>
                            <span>" (available until you leave or reload the page)"</span>
                        })}
                    </div>
                </div>
            })}
        </div>
    }
}
