//! The launch form's fields, each laid out as its kind asks and tied to its checks.

use super::*;

/// What every field of the form reads and writes.
#[derive(Clone, Copy)]
pub(super) struct FormContext {
    pub(super) form: Memo<LaunchForm>,
    pub(super) problems: Memo<FormProblems>,
    /// Set by the first submit: every error shows, touched or not.
    pub(super) show_all: RwSignal<bool>,
    pub(super) touched: RwSignal<BTreeSet<LaunchField>>,
    pub(super) record: RwSignal<ReadinessRecord>,
}

impl FormContext {
    pub(super) fn set(self, field: LaunchField, value: String) {
        self.record.update(|r| {
            let mut f = current_form(r);
            f.set(field, value);
            r.launch.form = Some(f);
        })
    }

    pub(super) fn touch(self, field: LaunchField) {
        self.touched.update(|t| {
            t.insert(field);
        });
    }

    /// Errors show once the field was left, after a submit, and at once for a typed date.
    pub(super) fn visible(self, field: LaunchField) -> bool {
        self.show_all.get()
            || self.touched.with(|t| t.contains(&field))
            || (field.kind() == FieldKind::Date && self.form.with(|f| !f.get(field).is_empty()))
    }

    pub(super) fn error(self, field: LaunchField) -> Option<String> {
        self.visible(field).then(|| self.problems.with(|p| p.error(field).map(str::to_string))).flatten()
    }

    pub(super) fn warning(self, field: LaunchField) -> Option<String> {
        self.visible(field).then(|| self.problems.with(|p| p.warning(field).map(str::to_string))).flatten()
    }
}

pub(super) fn label_of(field: LaunchField) -> String {
    content().launch.field(field).map_or_else(|| field.id().to_string(), |f| f.label.to_string())
}

pub(super) fn hint_of(field: LaunchField) -> String {
    content().launch.field(field).map(|f| f.hint.to_string()).unwrap_or_default()
}

/// One field of the form, as its kind asks: a labelled input or text area, a select, or a group
/// of radio buttons, with its hint, error and warning tied to it by [`Field`].
pub(super) fn field(ctx: FormContext, field: LaunchField) -> AnyView {
    let value = move || ctx.form.with(|f| f.get(field).to_string());
    let error = Signal::derive(move || ctx.error(field));
    let warning = Signal::derive(move || ctx.warning(field));
    let (label, hint) = (label_of(field), hint_of(field));
    match field.kind() {
        FieldKind::Choice if field == LaunchField::Audience => view! {
            <Field id=field.dom_id() label=label hint=hint error=error warning=warning let:control>
                <select class="usa-select" id=control.id name=field.id() aria-describedby=move || control.described_by.get()
                    on:change=move |ev| { ctx.set(field, event_target_value(&ev)); ctx.touch(field); }>
                    <option value="" selected=move || ctx.form.with(|f| f.audience.is_empty())>"Choose the main audience"</option>
                    {choices(field).iter().map(|(value, label)| view! {
                        <option value=*value selected=move || ctx.form.with(|f| f.audience == *value)>{*label}</option>
                    }).collect_view()}
                </select>
            </Field>
        }
        .into_any(),
        FieldKind::Choice => view! {
            <Field id=field.dom_id() label=label hint=hint error=error warning=warning group=true let:control>
                <div class="radio-row">
                    {choices(field).iter().map(|(value, label)| view! {
                        <Radio id=format!("{}-{value}", control.id) name=control.id.clone() value=*value label=label.to_string()
                            checked=Signal::derive(move || ctx.form.with(|f| f.get(field) == *value))
                            on_choose=Callback::new(move |_| { ctx.set(field, value.to_string()); ctx.touch(field); }) />
                    }).collect_view()}
                </div>
            </Field>
        }
        .into_any(),
        FieldKind::Lines => view! {
            <Field id=field.dom_id() label=label hint=hint error=error warning=warning let:control>
                <textarea class="usa-textarea usa-textarea--short" id=control.id name=field.id()
                    aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                    prop:value=value on:input=move |ev| ctx.set(field, event_target_value(&ev)) on:change=move |_| ctx.touch(field)></textarea>
            </Field>
        }
        .into_any(),
        kind => {
            let (input_type, input_mode, autocomplete) = match kind {
                FieldKind::Url => ("url", None, Some("url")),
                FieldKind::Email => ("email", None, Some("email")),
                FieldKind::Tel => ("tel", None, Some("tel")),
                FieldKind::Date => ("date", None, None),
                FieldKind::Number => ("text", Some("decimal"), None),
                _ => ("text", None, None),
            };
            view! {
                <Field id=field.dom_id() label=label hint=hint error=error warning=warning let:control>
                    <input class="usa-input" id=control.id name=field.id() type=input_type inputmode=input_mode autocomplete=autocomplete
                        aria-describedby=move || control.described_by.get() aria-invalid=move || control.invalid.get()
                        prop:value=value on:input=move |ev| ctx.set(field, event_target_value(&ev)) on:change=move |_| ctx.touch(field) />
                </Field>
            }
            .into_any()
        }
    }
}
