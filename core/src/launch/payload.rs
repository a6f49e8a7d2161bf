//! The launch request as submitted and downloaded: one `#[derive(Serialize)]` type,
//! [`LaunchRequest`], with its schema name and version. Its JSON Schema is published in
//! `schemas/launch-request.schema.json` (kept current by a host test) and a generated payload is
//! checked against it. The CSV of a submission is made from the same type, part by part, in
//! the order declared here.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::dates::Date;
use crate::record::ReadinessRecord;
use crate::staffing::{self, Assumptions, Forecast, ASSUMPTIONS};
use crate::vocab::{Level, PartnerType};

use super::fields::{choice_label, FieldKind, LaunchField, LaunchForm, NO, RAMP_PHASED, YES};
use super::numbers::{parse_percent, parse_whole};
use super::text_checks::split_contacts;

/// `schema` value of the payload.
pub const PAYLOAD_SCHEMA: &str = "login-gov-partner-launch-request";
/// 1: one `launch_date`, contacts as email lists, one `help_desk_contact`.
/// 2: `deploy_date` and `user_launch_date`, `push_notifications`, contacts as people (free text,
///    one entry each), the help desk's phone, email and other information, `partner_type`.
pub const PAYLOAD_VERSION: u32 = 2;

/// A figure as sent: rounded to 2 decimals; `null` when it is not a finite number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure(pub f64);

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rounded = (self.0 * 100.0).round() / 100.0;
        if rounded.is_finite() {
            serializer.serialize_f64(rounded)
        } else {
            serializer.serialize_none()
        }
    }
}

/// Declares a part of the payload once: the struct with its JSON keys in order, and
/// `entries()`, its fields as (key, JSON value) in that order, for the CSV and the schema.
macro_rules! payload_part {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Serialize)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        impl $name {
            /// The JSON keys, in order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field),)*];
            /// Each key's Rust type, as written here, for the published JSON Schema.
            pub const TYPES: &'static [&'static str] = &[$(stringify!($ty),)*];

            /// Each field as (key, JSON value), in order.
            pub fn entries(&self) -> Vec<(&'static str, Value)> {
                vec![$((stringify!($field), serde_json::to_value(&self.$field).unwrap_or(Value::Null)),)*]
            }
        }
    };
}

payload_part! {
    /// The whole launch request. `launch`, `assumptions` and `forecast` are written after these.
    pub struct Header {
        pub schema: &'static str,
        pub version: u32,
        /// A version-4 UUID from `crypto.randomUUID()`, the same on every retry.
        pub idempotency_key: String,
        pub agency: String,
        pub application: String,
        pub partner_type: Option<PartnerType>,
        pub service_level: Option<Level>,
    }
}

payload_part! {
    /// The forecast's figures (days count from the user launch date, or the deploy date when
    /// there is none; contacts are expected values).
    pub struct ForecastFigures {
        pub days: usize,
        pub first_day: Option<i64>,
        pub steady_contacts_per_day: Figure,
        pub surge_contacts: Figure,
        pub announcement_contacts: Figure,
        pub total_contacts: Figure,
        pub total_phone: Figure,
        pub total_phone_if_published: Figure,
        pub peak_day: i64,
        pub peak_date: Option<String>,
        pub peak_contacts: Figure,
        pub peak_phone_calls: Figure,
        pub peak_phone_calls_if_published: Figure,
        pub peak_interval_calls: Figure,
        pub peak_interval_calls_if_published: Figure,
        pub peak_load_erlangs: Figure,
        pub peak_phone_agents: u32,
        pub scheduled_agents: u32,
        pub peak_phone_agents_if_published: u32,
        pub scheduled_agents_if_published: u32,
        /// Percent.
        pub achieved_service_level: Figure,
        pub average_speed_of_answer_s: Figure,
        pub form_cases_total: Figure,
        pub form_cases_per_business_day: Figure,
        pub summary: String,
    }
}

payload_part! {
    /// One day of the forecast.
    pub struct DayFigures {
        pub day: i64,
        pub date: Option<String>,
        pub contacts: Figure,
        pub phone: Figure,
        pub form: Figure,
        pub phone_if_published: Figure,
        pub form_if_published: Figure,
        pub contacts_en: Figure,
        pub contacts_es: Figure,
        pub contacts_fr: Figure,
        pub contacts_zh: Figure,
    }
}

/// The forecast block: its figures, then `daily`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForecastBlock {
    #[serde(flatten)]
    pub figures: ForecastFigures,
    pub daily: Vec<DayFigures>,
}

/// The launch form's fields, typed by their kind, keyed by their ids in the form's order; the
/// audience is followed by its label. Derived from [`LaunchField`], so a new field cannot be
/// left out.
#[derive(Clone, Debug, PartialEq)]
pub struct LaunchValues(pub Vec<(&'static str, Value)>);

impl Serialize for LaunchValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The planning assumptions, one number per [`ASSUMPTIONS`] key.
#[derive(Clone, Debug, PartialEq)]
pub struct AssumptionValues(pub Vec<(&'static str, Figure)>);

impl Serialize for AssumptionValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The launch request: what is submitted to the endpoint and offered as a download.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LaunchRequest {
    #[serde(flatten)]
    pub header: Header,
    pub launch: LaunchValues,
    pub assumptions: AssumptionValues,
    pub forecast: ForecastBlock,
}

fn is_percent(field: LaunchField) -> bool {
    use LaunchField::*;
    matches!(field, NewUserShare | ShareEn | ShareEs | ShareFr | ShareZh | IdvShare | InPersonShare)
}

fn is_people(field: LaunchField) -> bool {
    matches!(field, LaunchField::ProgramContacts | LaunchField::TechnicalContacts | LaunchField::BillingContacts)
}

/// What JSON type a field's value takes in the payload (besides `null`), by its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// A whole number.
    Whole,
    /// A percent, 0–100.
    Percent,
    /// One string per person.
    People,
    Flag,
}

/// The JSON type of a field's value in the payload.
pub fn value_kind(field: LaunchField) -> ValueKind {
    match field.kind() {
        FieldKind::Number if is_percent(field) => ValueKind::Percent,
        FieldKind::Number => ValueKind::Whole,
        FieldKind::Date => ValueKind::Date,
        FieldKind::Lines if is_people(field) => ValueKind::People,
        FieldKind::Choice if matches!(field, LaunchField::PushNotifications | LaunchField::PhonePublished) => ValueKind::Flag,
        _ => ValueKind::Text,
    }
}

/// One field's value in the payload, typed by its kind; `null` where the text does not parse.
fn field_value(form: &LaunchForm, field: LaunchField) -> Value {
    let text = form.get(field);
    let typed = |value: Option<Value>| value.unwrap_or(Value::Null);
    match value_kind(field) {
        ValueKind::Whole if field == LaunchField::RampWeeks && form.ramp != RAMP_PHASED => Value::Null,
        ValueKind::Percent => typed(parse_percent(text).ok().and_then(|x| serde_json::to_value(Figure(x)).ok())),
        ValueKind::Whole => typed(parse_whole(text).ok().map(Value::from)),
        ValueKind::Date => typed(Date::parse_iso(text.trim()).map(|d| Value::from(d.to_iso()))),
        ValueKind::People => Value::from(split_contacts(text)),
        ValueKind::Flag => match text {
            YES => Value::Bool(true),
            NO => Value::Bool(false),
            _ => Value::Null,
        },
        ValueKind::Text => Value::from(text),
    }
}

/// The key that follows the audience: its label.
pub const AUDIENCE_LABEL: &str = "audience_label";

/// The launch block, in the form's order.
pub fn launch_values(form: &LaunchForm) -> LaunchValues {
    let mut entries = Vec::new();
    for &field in LaunchField::ALL {
        entries.push((field.id(), field_value(form, field)));
        if field == LaunchField::Audience {
            entries.push((AUDIENCE_LABEL, choice_label(field, &form.audience).map(Value::from).unwrap_or(Value::Null)));
        }
    }
    LaunchValues(entries)
}

fn forecast_block(forecast: &Forecast, arrival: Option<Date>) -> ForecastBlock {
    let date_of = |day: i64| arrival.map(|l| l.add_days(day).to_iso());
    let figures = ForecastFigures {
        days: forecast.daily.len(),
        first_day: forecast.daily.first().map(|d| d.day),
        steady_contacts_per_day: Figure(forecast.steady_contacts_per_day),
        surge_contacts: Figure(forecast.surge_contacts),
        announcement_contacts: Figure(forecast.announcement_contacts),
        total_contacts: Figure(forecast.total_contacts),
        total_phone: Figure(forecast.total_phone),
        total_phone_if_published: Figure(forecast.total_phone_if_published),
        peak_day: forecast.peak_day,
        peak_date: date_of(forecast.peak_day),
        peak_contacts: Figure(forecast.peak_contacts),
        peak_phone_calls: Figure(forecast.peak_phone_calls),
        peak_phone_calls_if_published: Figure(forecast.peak_phone_calls_if_published),
        peak_interval_calls: Figure(forecast.peak_interval_calls),
        peak_interval_calls_if_published: Figure(forecast.peak_interval_calls_if_published),
        peak_load_erlangs: Figure(forecast.peak_load_erlangs),
        peak_phone_agents: forecast.phone_agents,
        scheduled_agents: forecast.scheduled_agents,
        peak_phone_agents_if_published: forecast.phone_agents_if_published,
        scheduled_agents_if_published: forecast.scheduled_agents_if_published,
        achieved_service_level: Figure(forecast.achieved_service_level * 100.0),
        average_speed_of_answer_s: Figure(forecast.average_speed_of_answer_s),
        form_cases_total: Figure(forecast.form_cases_total),
        form_cases_per_business_day: Figure(forecast.form_backlog_per_day),
        summary: forecast.summary.clone(),
    };
    let daily = forecast.daily.iter().map(|d| day_figures(d, date_of(d.day))).collect();
    ForecastBlock { figures, daily }
}

fn day_figures(day: &staffing::DayForecast, date: Option<String>) -> DayFigures {
    let [en, es, fr, zh] = day.by_language;
    DayFigures {
        day: day.day,
        date,
        contacts: Figure(day.contacts),
        phone: Figure(day.phone),
        form: Figure(day.form),
        phone_if_published: Figure(day.phone_if_published),
        form_if_published: Figure(day.form_if_published),
        contacts_en: Figure(en),
        contacts_es: Figure(es),
        contacts_fr: Figure(fr),
        contacts_zh: Figure(zh),
    }
}

impl LaunchRequest {
    /// The request made from the form, the record, the planning assumptions and the forecast.
    pub fn new(form: &LaunchForm, record: &ReadinessRecord, assumptions: &Assumptions, forecast: &Forecast, idempotency_key: &str) -> LaunchRequest {
        LaunchRequest {
            header: Header {
                schema: PAYLOAD_SCHEMA,
                version: PAYLOAD_VERSION,
                idempotency_key: idempotency_key.to_string(),
                agency: record.profile.agency.clone(),
                application: record.profile.application.clone(),
                partner_type: record.profile.partner_type,
                service_level: record.level(),
            },
            launch: launch_values(form),
            assumptions: AssumptionValues(ASSUMPTIONS.iter().map(|s| (s.key, Figure(assumptions.get(s.key).unwrap_or(f64::NAN)))).collect()),
            forecast: forecast_block(forecast, Date::parse_iso(form.arrival_date())),
        }
    }

    /// Every value as a (dotted key, JSON value) row, in the payload's order: the header,
    /// `launch.*`, `assumptions.*`, `forecast.*`, then each day's figures as
    /// `forecast.day[N].key` (N days from launch).
    pub fn rows(&self) -> Vec<(String, Value)> {
        let mut rows: Vec<(String, Value)> = self.header.entries().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        rows.extend(self.launch.0.iter().map(|(k, v)| (format!("launch.{k}"), v.clone())));
        rows.extend(self.assumptions.0.iter().map(|(k, v)| (format!("assumptions.{k}"), serde_json::to_value(v).unwrap_or(Value::Null))));
        rows.extend(self.forecast.figures.entries().into_iter().map(|(k, v)| (format!("forecast.{k}"), v)));
        for day in &self.forecast.daily {
            for (k, v) in day.entries().into_iter().skip(1) {
                rows.push((format!("forecast.day[{}].{k}", day.day), v));
            }
        }
        rows
    }

    /// The request as a JSON value (what the outbox keeps and sends).
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_round_to_two_decimals_and_nan_is_null() {
        assert_eq!(serde_json::to_value(Figure(f64::NAN)).unwrap(), Value::Null);
        assert_eq!(serde_json::to_value(Figure(1.23456)).unwrap(), serde_json::json!(1.23));
        assert_eq!(ForecastFigures::KEYS.len(), 25);
        assert_eq!(DayFigures::KEYS[0], "day");
    }
}
