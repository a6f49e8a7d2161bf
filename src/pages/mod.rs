//! One module per route. Pages read the store and content and call the logic.

pub mod checklist;
pub mod home;
pub mod launch;
pub mod not_found;
pub mod review;
pub mod service_level;
pub mod sources;
pub mod staffing;
pub mod support;

use checklist::ChecklistPage;
use home::HomePage;
use launch::LaunchPage;
use review::ReviewPage;
use service_level::ServiceLevelPage;
use sources::SourcesPage;
use staffing::StaffingPage;
use support::{checker::SupportCheckerPage, email::SupportEmailPage, faq::SupportFaqPage, links::SupportLinksPage, overview::SupportOverviewPage};

// Each routed page's code, in its own chunk in the release build (src/components/lazy_page.rs);
// the support kit's five pages, which share their templates and checks, in one. The not-found
// page and the support kit's frame are small and stay in the main module. The staffing planner
// (Login.gov staff only) shares the chunk of /launch's forecast, whose code it mostly reuses: as
// a chunk of its own it cut the code every page shares into more, smaller chunks, and partners'
// first loads grew by up to 27 requests and half again in start-up CPU (measured; issue 17).
// The price: /launch's forecast chunk, fetched on use, carries the planner too (about 87 KB).
crate::lazy_pages! {
    home_page => HomePage in home_page,
    service_level_page => ServiceLevelPage in service_level_page,
    checklist_page => ChecklistPage in checklist_page,
    review_page => ReviewPage in review_page,
    support_overview_page => SupportOverviewPage in support_pages,
    support_links_page => SupportLinksPage in support_pages,
    support_checker_page => SupportCheckerPage in support_pages,
    support_email_page => SupportEmailPage in support_pages,
    support_faq_page => SupportFaqPage in support_pages,
    launch_page => LaunchPage in launch_page,
    sources_page => SourcesPage in sources_page,
    staffing_page => StaffingPage in launch_results,
}
