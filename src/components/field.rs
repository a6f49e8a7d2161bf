//! One form field: its label (or legend, for a group of choices), hint, error, warning and
//! length note, and the ids that tie them to the control. Every form in the portal is built
//! from it, so each control is labelled and described the same way: for a control with id
//! `x`, the hint is `x-hint`, the error `x-error`, the warning `x-warning` and the length note
//! `x-length`, and `aria-describedby` names exactly those on the page.

use leptos::prelude::*;

use crate::components::cited::SourceLink;
use crate::components::length_note::LengthNote;
use crate::logic::content::Citation;

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
    /// Where the hint's fact comes from, after the hint: a source link or the portal's label.
    #[prop(optional_no_strip)]
    hint_source: Option<Citation>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional, into)] warning: MaybeProp<String>,
    /// The text whose length the field watches: it then shows a length note under the control.
    #[prop(optional, into)]
    length_of: Option<Signal<String>>,
    /// A group of choices: a fieldset and legend instead of a label.
    #[prop(optional)]
    group: bool,
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
    // Only the control is generic; the frame around it is built once for every field, which
    // keeps the wasm small.
    let parts = FieldParts { id, label, hint, hint_source, error, warning, length_of, group, announce_error, class };
    let control = children(parts.control()).into_any();
    parts.frame(control)
}

struct FieldParts {
    id: String,
    label: String,
    hint: MaybeProp<String>,
    hint_source: Option<Citation>,
    error: MaybeProp<String>,
    warning: MaybeProp<String>,
    length_of: Option<Signal<String>>,
    group: bool,
    announce_error: bool,
    class: String,
}

impl FieldParts {
    fn has_hint(&self) -> bool {
        self.hint.with_untracked(|h| h.as_ref().is_some_and(|h| !h.is_empty())) || self.hint_source.is_some()
    }

    /// The control's id, and the ids that describe it.
    fn control(&self) -> FieldControl {
        let error = self.error;
        let described_by = described(&self.id, self.has_hint(), error, self.warning, self.length_of.is_some());
        let invalid = Signal::derive(move || error.with(Option::is_some).to_string());
        FieldControl { id: self.id.clone(), described_by, invalid }
    }

    fn frame(self, control: AnyView) -> AnyView {
        let FieldParts { id, label, hint, hint_source, error, warning, length_of, group, announce_error, class } = self;
        let has_hint = hint.with_untracked(|h| h.as_ref().is_some_and(|h| !h.is_empty())) || hint_source.is_some();
        let group_class = move || {
            let mut class = format!("usa-form-group {class}");
            if error.with(Option::is_some) {
                class.push_str(" usa-form-group--error");
            } else if warning.with(Option::is_some) {
                class.push_str(" form-group--warning");
            }
            class
        };
        let (error_id, warning_id) = (format!("{id}-error"), format!("{id}-warning"));
        let hint_view = has_hint.then(|| {
            view! {
                <span class="usa-hint" id=format!("{id}-hint")>
                    {move || hint.get()}
                    {hint_source.map(|cite| view! { " "<SourceLink cite=cite /> })}
                </span>
            }
        });
        let messages = view! {
            {move || error.get().map(|m| view! { <span class="usa-error-message" id=error_id.clone() role=announce_error.then_some("alert")>{m}</span> })}
            {move || warning.get().map(|m| {
                view! { <span class="field-warning" id=warning_id.clone()><span class="usa-sr-only">"Warning: "</span>{m}</span> }
            })}
        };
        let length_note = length_of.map(|text| view! { <LengthNote id=format!("{id}-length") text=text /> });
        if group {
            let described_by = described(&id, has_hint, error, warning, length_note.is_some());
            view! {
                <fieldset class=move || format!("usa-fieldset {}", group_class()) id=id tabindex="-1" aria-describedby=move || described_by.get()>
                    <legend class="usa-legend">{label}</legend>
                    {hint_view}
                    {messages}
                    {control}
                    {length_note}
                </fieldset>
            }
            .into_any()
        } else {
            view! {
                <div class=group_class>
                    <label class="usa-label" for=id>{label}</label>
                    {hint_view}
                    {messages}
                    {control}
                    {length_note}
                </div>
            }
            .into_any()
        }
    }
}

/// The ids that describe a field's control (or, for a group, its fieldset): the hint, the error,
/// the warning and the length note, those that are on the page.
fn described(id: &str, has_hint: bool, error: MaybeProp<String>, warning: MaybeProp<String>, has_length: bool) -> Signal<Option<String>> {
    let id = id.to_string();
    Signal::derive(move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        if warning.with(Option::is_some) {
            ids.push(format!("{id}-warning"));
        }
        if has_length {
            ids.push(format!("{id}-length"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}
