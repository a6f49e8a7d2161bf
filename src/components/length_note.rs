//! The message a text field shows when its text is over the length the portal can save.
//! Nothing is ever cut: the field keeps every character and says what to do.

use leptos::prelude::*;

use crate::logic::record::length_problem;

/// Always on the page (empty while the text fits), so a field can name it in its
/// `aria-describedby` without tracking when it appears.
#[component]
pub fn LengthNote(#[prop(into)] id: String, #[prop(into)] text: Signal<String>) -> impl IntoView {
    // Cheap while the text fits: one count per change, and the message only when it is over.
    let problem = move || text.with(|t| length_problem(t));
    view! {
        <span id=id class="length-note" class:usa-error-message=move || text.with(|t| t.chars().count() > crate::logic::text::MAX_FIELD_CHARS) data-testid="length-note">
            {problem}
        </span>
    }
}
