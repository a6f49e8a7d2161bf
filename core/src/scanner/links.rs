//! Login.gov links in a text: found, parsed, and compared with the links the portal knows.

use crate::vocab::Lang;

pub(super) const HOST: &str = "login.gov";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Contact,
    Help,
    CreateAccount,
}

impl Target {
    pub(super) fn path(self) -> &'static str {
        match self {
            Target::Contact => "contact",
            Target::Help => "help",
            Target::CreateAccount => "create-an-account",
        }
    }
}

#[derive(Debug)]
pub(super) struct LoginGovUrl {
    pub(super) start: usize,
    pub(super) end: usize,
    /// `https://login.gov/<path>/`, without query or fragment.
    pub(super) normalized: String,
    pub(super) lang: Lang,
    pub(super) target: Option<Target>,
}

/// Every `login.gov/…` or `www.login.gov/…` address in the input, with or without a scheme,
/// in text and in attribute values alike. Other hosts under login.gov are not matched.
pub(super) fn find_login_gov_links(input: &str) -> Vec<LoginGovUrl> {
    let bytes = input.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + HOST.len() <= bytes.len() {
        if bytes[i].eq_ignore_ascii_case(&b'l') && bytes[i..i + HOST.len()].eq_ignore_ascii_case(HOST.as_bytes()) {
            if let Some(url) = parse_login_gov_url(input, i) {
                i = url.end.max(i + 1);
                found.push(url);
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The normalised form of a login.gov address given on its own (a bundled link).
pub(super) fn normalize(url: &str) -> Option<String> {
    find_login_gov_links(url).into_iter().next().map(|u| u.normalized)
}

/// Reads the address whose host name ("login.gov") begins at byte `host`.
pub(super) fn parse_login_gov_url(text: &str, host: usize) -> Option<LoginGovUrl> {
    let bytes = text.as_bytes();
    if !bytes.get(host..host + HOST.len())?.eq_ignore_ascii_case(HOST.as_bytes()) {
        return None;
    }
    let mut start = host;
    if start >= 4 && bytes[start - 4..start].eq_ignore_ascii_case(b"www.") {
        start -= 4;
    }
    for scheme in [&b"https://"[..], b"http://", b"//"] {
        if start >= scheme.len() && bytes[start - scheme.len()..start].eq_ignore_ascii_case(scheme) {
            start -= scheme.len();
            break;
        }
    }
    // Part of a longer host name ("developers.login.gov", "mylogin.gov") or an email address.
    if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || matches!(bytes[start - 1], b'.' | b'-' | b'_' | b'@')) {
        return None;
    }
    let after_host = host + HOST.len();
    // Only an address with a path is a link to a page; a bare "login.gov" names the service.
    if bytes.get(after_host) != Some(&b'/') {
        return None;
    }
    let mut end = after_host;
    let mut in_query = false;
    while end < bytes.len() {
        let b = bytes[end];
        let stop = !b.is_ascii()
            || b.is_ascii_whitespace()
            || b.is_ascii_control()
            || matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'|' | b'\\' | b'^')
            || (b == b'&' && !in_query);
        if stop {
            break;
        }
        if matches!(b, b'?' | b'#') {
            in_query = true;
        }
        end += 1;
    }
    while end > after_host + 1 && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*') {
        end -= 1;
    }
    let path_end = bytes[after_host..end].iter().position(|b| matches!(b, b'?' | b'#')).map_or(end, |i| after_host + i);
    // All ASCII from `after_host` to `end`, so these are char boundaries.
    let path = text.get(after_host..path_end)?;
    let mut normalized = format!("https://{HOST}{path}");
    if !normalized.ends_with('/') {
        normalized.push('/');
    }
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let first = segments.next();
    let (lang, page) = match first.map(|s| s.to_ascii_lowercase()) {
        Some(code) if matches!(code.as_str(), "en" | "es" | "fr" | "zh") => (Lang::from_id(&code).unwrap_or(Lang::En), segments.next()),
        _ => (Lang::En, first),
    };
    let target = match page {
        Some("contact") => Some(Target::Contact),
        Some("help") => Some(Target::Help),
        Some("create-an-account") => Some(Target::CreateAccount),
        _ => None,
    };
    Some(LoginGovUrl { start, end, normalized, lang, target })
}

/// The bundled link to a page in a language, or the address it would have.
pub(super) fn localized_url(known_links: &[&str], target: Target, lang: Lang) -> String {
    let prefix = if lang == Lang::En { String::new() } else { format!("/{}", lang.id()) };
    let wanted = format!("https://{HOST}{prefix}/{}/", target.path());
    known_links.iter().find(|url| normalize(url).is_some_and(|u| u == wanted)).map_or(wanted.clone(), |url| url.to_string())
}

pub(super) fn contact_url_for(known_links: &[&str], lang: Lang) -> String {
    localized_url(known_links, Target::Contact, lang)
}
