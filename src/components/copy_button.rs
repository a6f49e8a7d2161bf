use leptos::prelude::*;

use crate::browser;

/// Copies text to the clipboard and says, next to the button, whether it worked.
/// `on_copied` runs after a successful copy.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: String,
    #[prop(optional)] on_copied: Option<Callback<()>>,
) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => {
                    status.set(Some("Copied.".to_string()));
                    if let Some(callback) = on_copied {
                        callback.run(());
                    }
                }
                Err(reason) => status.set(Some(format!("Copying did not work ({reason}): select the text and copy it."))),
            }
        });
    };
    view! {
        <span class="copy-button">
            <button type="button" class="usa-button usa-button--outline" on:click=copy>{label}</button>
            <span role="status" class="copy-button__status">{move || status.get()}</span>
        </span>
    }
}
