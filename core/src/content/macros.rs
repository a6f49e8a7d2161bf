//! Declares a content type once and derives from it what both sides need: the plain struct or
//! enum the app reads (`&'static` data, built at compile time), a reader from JSON that names the
//! file, the entry's id and the field in every error, and a baker that writes the value as Rust
//! source. The build script (core/build.rs) includes this file too, so the two cannot drift.

/// A struct of content: every field is read from the JSON key of the same name (a
/// [`Citation`](crate::content::schema::Citation) reads `source` and `last_verified` from the
/// entry itself), an unknown key is an error, and a missing one is an error unless the field is
/// an `Option`.
macro_rules! content_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        impl crate::content::read::FromJson for $name {
            fn from_json(value: &serde_json::Value, at: &str) -> Result<Self, Vec<String>> {
                use crate::content::read::FromJson;
                let object = value.as_object().ok_or_else(|| vec![format!("{at}: not an object")])?;
                let at = match object.get("id").and_then(serde_json::Value::as_str) {
                    Some(id) => format!("{at} ({id})"),
                    None => at.to_string(),
                };
                let mut errors = Vec::new();
                let known: Vec<&str> = [$(<$ty as FromJson>::keys(stringify!($field))),*].concat();
                for key in object.keys() {
                    if !known.contains(&key.as_str()) {
                        errors.push(format!("{at}: unknown key '{key}'"));
                    }
                }
                $(
                    let $field = match <$ty as FromJson>::from_field(object, stringify!($field), &at) {
                        Ok(value) => Some(value),
                        Err(more) => {
                            errors.extend(more);
                            None
                        }
                    };
                )*
                match ($($field,)*) {
                    ($(Some($field),)*) if errors.is_empty() => Ok($name { $($field,)* }),
                    _ => Err(errors),
                }
            }
        }

        impl crate::content::bake::Bake for $name {
            fn bake(&self, out: &mut String) {
                out.push_str(concat!("crate::content::schema::", stringify!($name), " { "));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    crate::content::bake::Bake::bake(&self.$field, out);
                    out.push_str(", ");
                )*
                out.push('}');
            }
        }
    };
}

/// An enum of content whose JSON form is one of a few strings.
macro_rules! content_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The value as the content writes it.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }
        }

        impl crate::content::read::FromJson for $name {
            fn from_json(value: &serde_json::Value, at: &str) -> Result<Self, Vec<String>> {
                crate::content::read::one_of(value, at, $name::ALL, |v| v.id())
            }
        }

        impl crate::content::bake::Bake for $name {
            fn bake(&self, out: &mut String) {
                out.push_str(&format!(concat!("crate::content::schema::", stringify!($name), "::{:?}"), self));
            }
        }
    };
}
