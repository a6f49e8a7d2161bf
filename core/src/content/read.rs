//! Reads the content's JSON into its types, at build time. Every error names where it is: the
//! file, the path to the entry with the ids on the way, the field, and what is wrong.

use serde_json::{Map, Value};

use crate::launch::fields::LaunchField;
use crate::vocab::{Audience, Lang, Level, PartnerType, Protocol};

pub trait FromJson: Sized {
    fn from_json(value: &Value, at: &str) -> Result<Self, Vec<String>>;

    /// Reads the field `key` of an entry. A part of an entry written flat in the JSON (the
    /// citation) reads the entry itself instead.
    fn from_field(object: &Map<String, Value>, key: &'static str, at: &str) -> Result<Self, Vec<String>> {
        let at = format!("{at} {key}");
        match object.get(key) {
            Some(value) => Self::from_json(value, &at),
            None => Self::when_missing(&at),
        }
    }

    /// What a missing key means: an error, except for an optional field.
    fn when_missing(at: &str) -> Result<Self, Vec<String>> {
        Err(vec![format!("{at}: missing")])
    }

    /// The JSON keys this field reads.
    fn keys(key: &'static str) -> Vec<&'static str> {
        vec![key]
    }
}

/// A value that must be one of `all`, written as its id.
pub fn one_of<T: Copy>(value: &Value, at: &str, all: &[T], id: impl Fn(T) -> &'static str) -> Result<T, Vec<String>> {
    let text = value.as_str().ok_or_else(|| vec![format!("{at}: not text")])?;
    all.iter().copied().find(|v| id(*v) == text).ok_or_else(|| {
        let ids: Vec<&str> = all.iter().map(|v| id(*v)).collect();
        vec![format!("{at} '{text}' is unknown; it can be {}", ids.join(", "))]
    })
}

impl FromJson for &'static str {
    fn from_json(value: &Value, at: &str) -> Result<Self, Vec<String>> {
        // Build time only: the text lives as long as the build script, and is written out as Rust.
        value.as_str().map(|s| &*Box::leak(s.to_string().into_boxed_str())).ok_or_else(|| vec![format!("{at}: not text")])
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, at: &str) -> Result<Self, Vec<String>> {
        value.as_bool().ok_or_else(|| vec![format!("{at}: not true or false")])
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value, at: &str) -> Result<Self, Vec<String>> {
        value.as_f64().filter(|x| x.is_finite()).ok_or_else(|| vec![format!("{at}: not a number")])
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value, at: &str) -> Result<Self, Vec<String>> {
        if value.is_null() {
            Ok(None)
        } else {
            T::from_json(value, at).map(Some)
        }
    }

    fn when_missing(_: &str) -> Result<Self, Vec<String>> {
        Ok(None)
    }
}

impl<T: FromJson> FromJson for &'static [T] {
    fn from_json(value: &Value, at: &str) -> Result<Self, Vec<String>> {
        let items = value.as_array().ok_or_else(|| vec![format!("{at}: not a list")])?;
        let mut errors = Vec::new();
        let mut read = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match T::from_json(item, &format!("{at}[{i}]")) {
                Ok(v) => read.push(v),
                Err(more) => errors.extend(more),
            }
        }
        if errors.is_empty() {
            Ok(Box::leak(read.into_boxed_slice()))
        } else {
            Err(errors)
        }
    }
}

/// The shared vocabulary, read by its ids.
macro_rules! from_ids {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn from_json(value: &Value, at: &str) -> Result<Self, Vec<String>> {
                one_of(value, at, &<$ty>::ALL[..], |v| v.id())
            }
        }
    )*};
}
from_ids!(Audience, Lang, Level, PartnerType, Protocol, LaunchField);
