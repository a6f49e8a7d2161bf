use leptos::prelude::*;

/// One USWDS radio button with its label. USWDS hides the circle itself and styles the label,
/// so every choice in the portal is made through this one piece of markup.
#[component]
pub fn Radio(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] value: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] checked: Signal<bool>,
    on_choose: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="usa-radio">
            <input class="usa-radio__input" type="radio" id=id.clone() name=name value=value
                prop:checked=move || checked.get() on:change=move |_| on_choose.run(()) />
            <label class="usa-radio__label" for=id>{move || label.get()}</label>
        </div>
    }
}
