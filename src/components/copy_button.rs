use leptos::prelude::*;

use crate::browser;

/// Copies text to the clipboard and says, next to the button, whether it worked. With `html`,
/// the clipboard gets that as `text/html` and `text` as the plain-text fallback.
/// `on_copied` runs after a successful copy. "Copied." clears once the text changes, so it
/// never claims that what is shown now was copied.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: String,
    #[prop(optional, into)] html: Option<Signal<String>>,
    #[prop(optional)] on_copied: Option<Callback<()>>,
) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    Effect::new(move |previous: Option<()>| {
        text.track();
        if let Some(html) = html {
            html.track();
        }
        if previous.is_some() {
            status.set(None);
        }
    });
    let copy = move |_| {
        let text = text.get_untracked();
        let html = html.map(|h| h.get_untracked());
        leptos::task::spawn_local(async move {
            let copied = match html {
                Some(html) => browser::copy_html(&html, &text).await,
                None => browser::copy_text(&text).await,
            };
            match copied {
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
