//! Writes content values as Rust source, so the build emits the content as statics and the app
//! parses nothing at start-up.

use crate::launch::fields::LaunchField;
use crate::vocab::{Audience, Lang, Level, PartnerType, Protocol};

pub trait Bake {
    fn bake(&self, out: &mut String);
}

impl Bake for &'static str {
    fn bake(&self, out: &mut String) {
        // Debug writes a Rust string literal, escapes included.
        out.push_str(&format!("{self:?}"));
    }
}

impl Bake for bool {
    fn bake(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Bake for f64 {
    fn bake(&self, out: &mut String) {
        // Debug always writes a float literal ("3.0", not "3").
        out.push_str(&format!("{self:?}"));
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => {
                out.push_str("Some(");
                value.bake(out);
                out.push(')');
            }
        }
    }
}

impl<T: Bake> Bake for &'static [T] {
    fn bake(&self, out: &mut String) {
        out.push_str("&[");
        for item in self.iter() {
            item.bake(out);
            out.push_str(", ");
        }
        out.push(']');
    }
}

macro_rules! bake_by_path {
    ($($ty:ident => $path:literal),*) => {$(
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                out.push_str(&format!(concat!($path, "::{:?}"), self));
            }
        }
    )*};
}
bake_by_path!(
    Audience => "crate::vocab::Audience",
    Lang => "crate::vocab::Lang",
    Level => "crate::vocab::Level",
    PartnerType => "crate::vocab::PartnerType",
    Protocol => "crate::vocab::Protocol",
    LaunchField => "crate::launch::fields::LaunchField"
);
