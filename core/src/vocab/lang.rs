//! The four languages Login.gov's user pages and Contact Center serve, as one enum.

/// English, Spanish, French and Simplified Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Es,
    Fr,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::Fr, Lang::Zh];

    /// The code used in content and in login.gov paths.
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in English, for the portal's own interface.
    pub fn label(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Spanish",
            Lang::Fr => "French",
            Lang::Zh => "Simplified Chinese",
        }
    }

    /// The BCP 47 tag for `lang` attributes.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Zh => "zh-Hans",
        }
    }

    pub fn from_id(id: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.id() == id)
    }
}
