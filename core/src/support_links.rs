//! Login.gov's localized user links (contact, help, create an account) and the optional
//! `?agency=…&integration=…` parameters that attribute a contact-form ticket to an integration.

use crate::text::{encode_query_value, html_escape};
use crate::vocab::Lang;

use super::content::{Link, LinkKind};

impl LinkKind {
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Contact => "Contact Login.gov",
            LinkKind::Help => "Login.gov help center",
            LinkKind::CreateAccount => "Create a Login.gov account",
        }
    }
}

/// The text of a link in the link's own language, for ready-to-paste HTML.
pub fn link_text(kind: LinkKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (LinkKind::Contact, Lang::En) => "Contact Login.gov",
        (LinkKind::Contact, Lang::Es) => "Contactar a Login.gov",
        (LinkKind::Contact, Lang::Fr) => "Contacter Login.gov",
        (LinkKind::Contact, Lang::Zh) => "联系 Login.gov",
        (LinkKind::Help, Lang::En) => "Login.gov help center",
        (LinkKind::Help, Lang::Es) => "Centro de ayuda de Login.gov",
        (LinkKind::Help, Lang::Fr) => "Centre d’aide de Login.gov",
        (LinkKind::Help, Lang::Zh) => "Login.gov 帮助中心",
        (LinkKind::CreateAccount, Lang::En) => "Create a Login.gov account",
        (LinkKind::CreateAccount, Lang::Es) => "Crear una cuenta de Login.gov",
        (LinkKind::CreateAccount, Lang::Fr) => "Créer un compte Login.gov",
        (LinkKind::CreateAccount, Lang::Zh) => "创建 Login.gov 账户",
    }
}

/// Attribution parameters, each trimmed. login.gov keeps each one on its own (identity-site's
/// `query_params.js`), so either works without the other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub agency: String,
    pub integration: String,
}

impl Attribution {
    /// True when at least one parameter is set.
    pub fn is_set(&self) -> bool {
        !self.agency.trim().is_empty() || !self.integration.trim().is_empty()
    }

    fn query(&self) -> Option<String> {
        let parts: Vec<String> = [("agency", &self.agency), ("integration", &self.integration)]
            .into_iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(key, value)| format!("{key}={}", encode_query_value(value.trim())))
            .collect();
        (!parts.is_empty()).then(|| parts.join("&"))
    }
}

/// The bundled URL of a link kind in a language. The content tests guarantee every pair exists.
pub fn base_url(links: &[Link], kind: LinkKind, lang: Lang) -> &str {
    links.iter().find(|l| l.kind == kind && l.lang == lang).map(|l| l.url).unwrap_or("https://login.gov/")
}

/// The link to give users, with whichever attribution parameters are set.
pub fn build_url(links: &[Link], kind: LinkKind, lang: Lang, attribution: &Attribution) -> String {
    let base = base_url(links, kind, lang);
    match attribution.query() {
        Some(query) => format!("{base}?{query}"),
        None => base.to_string(),
    }
}

/// Ready-to-paste HTML for a link, in the link's language.
pub fn link_html(url: &str, text: &str, lang: Lang) -> String {
    format!("<a href=\"{}\" lang=\"{}\">{}</a>", html_escape(url), lang.html_lang(), html_escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> Vec<Link> {
        let mut out = Vec::new();
        for &kind in LinkKind::ALL {
            for lang in Lang::ALL {
                let path = match kind {
                    LinkKind::Contact => "contact",
                    LinkKind::Help => "help",
                    LinkKind::CreateAccount => "create-an-account",
                };
                let prefix = if lang == Lang::En { String::new() } else { format!("{}/", lang.id()) };
                let leak = |text: String| &*Box::leak(text.into_boxed_str());
                out.push(Link {
                    id: leak(format!("{}-{}", kind.id(), lang.id())),
                    kind,
                    lang,
                    url: leak(format!("https://login.gov/{prefix}{path}/")),
                    cite: crate::content::Citation { source: "", last_verified: "", basis: None },
                });
            }
        }
        out
    }

    #[test]
    fn builds_localized_links_with_encoded_attribution() {
        let links = links();
        assert_eq!(build_url(&links, LinkKind::Contact, Lang::En, &Attribution::default()), "https://login.gov/contact/");
        assert_eq!(build_url(&links, LinkKind::Help, Lang::Zh, &Attribution::default()), "https://login.gov/zh/help/");
        let attribution = Attribution { agency: " Dept of Examples & Co ".into(), integration: "benefits/portal?v=2#x".into() };
        assert_eq!(
            build_url(&links, LinkKind::Contact, Lang::Es, &attribution),
            "https://login.gov/es/contact/?agency=Dept%20of%20Examples%20%26%20Co&integration=benefits%2Fportal%3Fv%3D2%23x"
        );
        // Either parameter alone: login.gov keeps each on its own.
        let agency_only = Attribution { agency: "DOE".into(), integration: " ".into() };
        assert_eq!(build_url(&links, LinkKind::CreateAccount, Lang::Fr, &agency_only), "https://login.gov/fr/create-an-account/?agency=DOE");
        let integration_only = Attribution { agency: String::new(), integration: "benefits-portal".into() };
        assert_eq!(build_url(&links, LinkKind::Contact, Lang::En, &integration_only), "https://login.gov/contact/?integration=benefits-portal");
        assert!(!Attribution { agency: " ".into(), integration: "\t".into() }.is_set());
    }

    #[test]
    fn encodes_unicode_and_reserved_characters() {
        assert_eq!(encode_query_value("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(encode_query_value("é 福"), "%C3%A9%20%E7%A6%8F");
        assert_eq!(encode_query_value("=+@\"<>"), "%3D%2B%40%22%3C%3E");
    }

    #[test]
    fn link_html_escapes_text_and_url() {
        assert_eq!(
            link_html("https://login.gov/contact/?agency=a&integration=b", "Contact <us> \"now\"", Lang::Zh),
            "<a href=\"https://login.gov/contact/?agency=a&amp;integration=b\" lang=\"zh-Hans\">Contact &lt;us&gt; &quot;now&quot;</a>"
        );
    }
}
