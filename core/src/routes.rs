//! The portal's pages: one list that the router, the navigation, the content validator and the
//! end-to-end tests agree on, so a page exists only when it is routed and working.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageInfo {
    pub path: &'static str,
    /// The page's `h1` and the first part of the document title.
    pub title: &'static str,
    /// Label in the primary navigation.
    pub nav_label: &'static str,
}

pub const HOME: PageInfo = PageInfo { path: "/", title: "Get ready to launch with Login.gov", nav_label: "Home" };
pub const SERVICE_LEVEL: PageInfo = PageInfo { path: "/service-level", title: "Choose your service level", nav_label: "Service level" };
pub const CHECKLIST: PageInfo = PageInfo { path: "/checklist", title: "Launch checklist", nav_label: "Checklist" };
pub const REVIEW: PageInfo = PageInfo { path: "/review", title: "Review and sign off", nav_label: "Review" };
pub const LAUNCH: PageInfo = PageInfo { path: "/launch", title: "Launch request and staffing forecast", nav_label: "Launch" };
pub const SUPPORT: PageInfo = PageInfo { path: "/support", title: "Support kit", nav_label: "Support" };
pub const SUPPORT_LINKS: PageInfo = PageInfo { path: "/support/links", title: "Login.gov links for your users", nav_label: "Link builder" };
pub const SUPPORT_CHECKER: PageInfo = PageInfo { path: "/support/checker", title: "Check your content", nav_label: "Content checker" };
pub const SUPPORT_EMAIL: PageInfo = PageInfo { path: "/support/email", title: "Launch announcement email", nav_label: "Launch email" };
pub const SUPPORT_FAQ: PageInfo = PageInfo { path: "/support/faq", title: "Agency FAQ for your help desk", nav_label: "Agency FAQ" };
pub const SOURCES: PageInfo = PageInfo { path: "/sources", title: "Sources", nav_label: "Sources" };
/// For Login.gov's own staff: on the home page, not in the partners' navigation.
pub const STAFFING: PageInfo = PageInfo { path: "/staffing", title: "Contact Center staffing plan", nav_label: "Staffing plan" };

/// Pages in navigation order.
pub const PAGES: &[PageInfo] = &[HOME, SERVICE_LEVEL, CHECKLIST, REVIEW, SUPPORT, LAUNCH, SOURCES];

/// The support kit's pages, in its own navigation.
pub const SUPPORT_PAGES: &[PageInfo] = &[SUPPORT, SUPPORT_LINKS, SUPPORT_CHECKER, SUPPORT_EMAIL, SUPPORT_FAQ];

/// Every routed page, for checks that a path exists.
pub const ALL_PAGES: &[PageInfo] =
    &[HOME, SERVICE_LEVEL, CHECKLIST, REVIEW, SUPPORT, SUPPORT_LINKS, SUPPORT_CHECKER, SUPPORT_EMAIL, SUPPORT_FAQ, LAUNCH, SOURCES, STAFFING];

pub const PRODUCT_NAME: &str = "Login.gov partner readiness portal";

/// `document.title` for a page.
pub fn document_title(page_title: &str) -> String {
    format!("{page_title} | {PRODUCT_NAME}")
}

pub fn paths() -> Vec<&'static str> {
    ALL_PAGES.iter().map(|p| p.path).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_absolute() {
        let mut seen = std::collections::BTreeSet::new();
        for page in ALL_PAGES {
            assert!(page.path.starts_with('/'), "{}", page.path);
            assert!(seen.insert(page.path), "duplicate {}", page.path);
            assert!(!page.title.is_empty() && !page.nav_label.is_empty());
        }
        assert_eq!(document_title("Sources"), "Sources | Login.gov partner readiness portal");
    }
}
