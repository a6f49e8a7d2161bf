//! One form field: its label (or legend, for a group of choices), hint, error, warning and
//! length note, and the ids that tie them to the control. Every form in the portal is built
//! from it, so each control is labelled and described the same way: for a control with id
//! `x`, the hint is `x-hint`, the error `x-error`, the warning `x-warning` and the length note
//! `x-length`, and `aria-describedby` names exactly those on the page.

use leptos::prelude::*;

use crate::components::length_note::LengthNote;

/// What the control inside a [`Field`] carries: its id, and the `aria-describedby` and
/// `aria-invalid` values the field works out.
#[derive(Clone)]
pub struct FieldControl {
    pub id: String,
    pub described_by: Signal<Option<String>>,
    pub invalid: Signal<String>,
}

/// A labelled field. `children` draws the control from a [`FieldControl`]; for a group of
/// choices (`group`), the field is a fieldset with a legend, and the fieldset itself carries
/// the id and the description.
#[component]
pub fn Field<F, IV>(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: MaybeProp<String>,
    /// A source link after the hint, for hints that state a cited fact.
    #[prop(optional_no_strip)]
    hint_source: Option<&'static str>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional, into)] warning: MaybeProp<String>,
    /// The text whose length the field watches: it then shows a length note under the control.
    #[prop(optional, into)]
    length_of: Option<Signal<String>>,
    /// A group of choices: a fieldset and legend instead of a label.
    #[prop(optional)]
    group: bool,
    /// The label is visible only to screen readers.
    #[prop(optional)]
    hidden_label: bool,
    /// Announce the error as it appears (for an error that follows an action, such as a file
    /// choice, rather than typing).
    #[prop(optional)]
    announce_error: bool,
    /// More classes for the field's container.
    #[prop(optional, into)]
    class: String,
    children: F,
) -> impl IntoView
where
    F: FnOnce(FieldControl) -> IV + 'static,
    IV: IntoView + 'static,
{
    let has_hint = hint.with_untracked(|h| h.as_ref().is_some_and(|h| !h.is_empty())) || hint_source.is_some();
    let has_length = length_of.is_some();
    let (hint_id, error_id, warning_id, length_id) = (format!("{id}-hint"), format!("{id}-error"), format!("{id}-warning"), format!("{id}-length"));
    let described_by = {
        let (hint_id, error_id, warning_id, length_id) = (hint_id.clone(), error_id.clone(), warning_id.clone(), length_id.clone());
        Signal::derive(move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.as_str());
            }
            let (has_error, has_warning) = (error.with(Option::is_some), warning.with(Option::is_some));
            if has_error {
                ids.push(error_id.as_str());
            }
            if has_warning {
                ids.push(warning_id.as_str());
            }
            if has_length {
                ids.push(length_id.as_str());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let invalid = Signal::derive(move || error.with(Option::is_some).to_string());
    let group_class = move || {
        let mut class = format!("usa-form-group {class}");
        if error.with(Option::is_some) {
            class.push_str(" usa-form-group--error");
        } else if warning.with(Option::is_some) {
            class.push_str(" form-group--warning");
        }
        class
    };
    let label_class = if hidden_label { "usa-sr-only" } else { "usa-label" };
    let hint_view = has_hint.then(|| {
        view! {
            <span class="usa-hint" id=hint_id>
                {move || hint.get()}
                {hint_source.map(|source| view! { " "<a class="usa-link source-link" href=source rel="external noopener">"Source"</a> })}
            </span>
        }
    });
    let messages = view! {
        {move || error.get().map(|m| view! { <span class="usa-error-message" id=error_id.clone() role=announce_error.then_some("alert")>{m}</span> })}
        {move || warning.get().map(|m| {
            view! { <span class="field-warning" id=warning_id.clone()><span class="usa-sr-only">"Warning: "</span>{m}</span> }
        })}
    };
    let length_note = length_of.map(|text| view! { <LengthNote id=length_id text=text /> });
    let control = FieldControl { id: id.clone(), described_by, invalid };
    if group {
        view! {
            <fieldset class=move || format!("usa-fieldset {}", group_class()) id=id tabindex="-1" aria-describedby=move || described_by.get()>
                <legend class="usa-legend">{label}</legend>
                {hint_view}
                {messages}
                {children(control)}
                {length_note}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class=group_class>
                <label class=label_class for=id>{label}</label>
                {hint_view}
                {messages}
                {children(control)}
                {length_note}
            </div>
        }
        .into_any()
    }
}
