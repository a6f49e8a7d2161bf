//! Ready-to-send user communications for a launch: the announcement email in four languages
//! (plain text, HTML and a draft `.eml`), and the agency FAQ built from the bundled content.
//!
//! Users are always sent to Login.gov's localized help and contact pages, never to a phone
//! number (content fact `sup-never-publish`). Every value the agency types is escaped for the
//! output format, and an empty value shows as a bracketed placeholder so the preview shows
//! what is missing.

mod email;
mod eml;
mod faq;

pub use email::*;
pub use eml::*;
pub use faq::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, expected) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn fill_is_single_pass_and_keeps_unknown_markers() {
        let values = [("agency", "{application}"), ("application", "App")];
        let plain = |t: &str| t.to_string();
        assert_eq!(fill("{agency} / {application} / {other} / {", &values, &plain), "{application} / App / {other} / {");
    }

    #[test]
    fn subject_header_folds_long_or_non_ascii_subjects() {
        assert_eq!(subject_header("Short subject"), "Short subject");
        let header = subject_header(&"福".repeat(40));
        for word in header.split("\r\n ") {
            assert!(word.len() <= 75 && word.starts_with("=?UTF-8?B?") && word.ends_with("?="), "{word}");
        }
        assert_eq!(subject_header("a\r\nBcc: x"), "a Bcc: x");
    }
}
