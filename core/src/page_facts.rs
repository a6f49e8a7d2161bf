//! The ids of the content facts each page shows, so the content check can prove every one exists
//! before a page asks for it.

/// Facts the service-level page shows (service_levels.json).
pub const SERVICE_LEVEL_PAGE: [&str; 16] = [
    "sl-three-levels",
    "sl-no-authorization",
    "sl-risk-assessment-decides",
    "sl-portal-recommends",
    "sl-basic-not-ial2",
    "sl-basic-price",
    "sl-rev3",
    "sl-no-single-factor",
    "sl-aal-is-a-setting",
    "sl-no-aal3",
    "sl-mfa-per-request",
    "sl-ial1-all-no",
    "sl-ial2-any-yes",
    "sl-idv-documents",
    "sl-idv-needs",
    "sl-idv-documents-faq",
];

/// Facts the support overview page shows (support.json).
pub const SUPPORT_OVERVIEW_PAGE: [&str; 14] = [
    "sup-never-publish",
    "sup-why-not-publish",
    "sup-contact-rate",
    "sup-channel-split",
    "sup-no-pii",
    "sup-redirects",
    "sup-escalations",
    "sup-email-choice",
    "sup-status",
    "sup-partner-resources",
    "sup-announce-time-frame",
    "sup-announce-link",
    "sup-go-live",
    "sup-agency-parameters",
];
