use leptos::prelude::*;

use crate::logic::export::DownloadFile;
use crate::store::use_store;

/// Messages the user must see: set-aside data, storage trouble, migrations, imports.
#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || store.notices.get() key=|notice| notice.id let:notice>
                {
                    let id = notice.id;
                    let download = notice.download.clone().map(|file| {
                        let label = file.label.clone();
                        let on_click = move |_| {
                            store.offer_download(&DownloadFile { name: file.file_name.clone(), mime: "application/json", body: file.contents.clone() });
                        };
                        view! {
                            <button type="button" class="usa-button usa-button--outline" on:click=on_click>
                                {label}
                            </button>
                        }
                    });
                    let action = notice.action.clone().map(|action| {
                        let on_click = move |_| {
                            store.record.set(action.record.clone());
                            store.dismiss(id);
                        };
                        view! { <button type="button" class="usa-button" on:click=on_click>{action.label.clone()}</button> }
                    });
                    view! {
                        <div class=notice.kind.alert_class()>
                            <div class="usa-alert__body">
                                <p class="usa-alert__text">{notice.message.clone()}</p>
                                <div class="notice-actions">
                                    {action}
                                    {download}
                                    <button type="button" class="usa-button usa-button--unstyled" on:click=move |_| store.dismiss(id)>
                                        "Dismiss this message"
                                    </button>
                                </div>
                            </div>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
