use leptos::prelude::*;

use crate::components::page::PageHeading;
use crate::components::profile_form::ProfileForm;
use crate::components::record_transfer::RecordTransfer;
use crate::logic::checklist;
use crate::logic::content::content;
use crate::logic::routes::{CHECKLIST, HOME, LAUNCH, REVIEW, SERVICE_LEVEL, SUPPORT};
use crate::store::use_store;

/// Who uses the portal and where each of them starts.
struct Role {
    name: &'static str,
    does: &'static str,
    start_label: &'static str,
    start_href: &'static str,
}

const ROLES: [Role; 4] = [
    Role {
        name: "Agency integrator",
        does: "You build the connection to Login.gov. Describe your integration below, then decide which service level your application needs and get the exact settings to request.",
        start_label: "Choose your service level",
        start_href: "/service-level",
    },
    Role {
        name: "Partner lead",
        does: "You own the launch date and the expected number of users, which Login.gov uses to staff its Contact Center. Name your agency and application below, then prepare the launch request and your help desk.",
        start_label: "Prepare the launch request",
        start_href: "/launch",
    },
    Role {
        name: "Reviewer",
        does: "You check and sign off your team’s readiness. Import the record your team downloaded from this portal, then review it, sign it off and export it.",
        start_label: "Import your team’s record",
        start_href: "#record",
    },
    Role {
        name: "Login.gov Contact Center planner",
        does: "You staff the Contact Center for every partner’s launch. Import the launch requests partners make on this portal and plan the phones and the contact form for all of them together.",
        start_label: "Plan Contact Center staffing",
        start_href: "/staffing",
    },
];

#[component]
pub fn HomePage() -> impl IntoView {
    let store = use_store();
    let answered = Memo::new(move |_| store.record.with(|r| (r.profile.answered(), r.profile.questions())));
    let level_status = move || store.record.with(|r| r.level_summary().0);
    let checklist_status = move || {
        store.record.with(|r| {
            let level = r.level();
            let progress = checklist::overall_progress(&content().checklist, &r.checklist, &r.profile, level);
            let blocking = checklist::blockers(&content().checklist, &r.checklist, &r.profile, level).len();
            format!("{} of {} items complete, {blocking} required items blocking launch", progress.complete(), progress.applicable)
        })
    };
    let support_status = move || {
        store.record.with(|r| {
            let phase = content().checklist.phases.iter().find(|p| p.id == "phase-support");
            phase
                .map(|p| {
                    let progress = checklist::phase_progress(p, &r.checklist, &r.profile, r.level());
                    format!("{} of {} support items complete", progress.complete(), progress.applicable)
                })
                .unwrap_or_default()
        })
    };
    let launch_status = move || {
        store.record.with(|r| match (r.launch.outbox.len(), r.launch.receipts.last()) {
            (queued, _) if queued > 0 => format!("{queued} submission waiting to send"),
            (_, Some(receipt)) if receipt.sent => format!("submitted on {}", crate::browser::local_time(&receipt.at)),
            (_, Some(receipt)) => format!("saved on {}, not sent (no endpoint configured)", crate::browser::local_time(&receipt.at)),
            (_, None) if r.launch.form.is_some() => "draft saved, not submitted".to_string(),
            _ => "not started".to_string(),
        })
    };
    let sign_off_status = move || {
        store.record.with(|r| checklist::sign_off_state(&content().checklist, &r.checklist, &r.profile, r.level(), checklist::OVERALL).summary())
    };

    view! {
        <PageHeading title=HOME.title />
        <p class="usa-intro">
            "Login.gov’s partner guidance is spread over its partner site, developer guide, Partner Portal and help articles. This portal turns it into one checkable workflow: decide what your application needs, work through what must be true before launch, prepare your help desk, and tell Login.gov when to expect your users."
        </p>
        <p>
            "Everything runs in your browser. Nothing you enter leaves this computer unless you download it or submit it."
        </p>

        <h2>"Where to start"</h2>
        <ul class="role-list">
            {ROLES
                .iter()
                .map(|role| {
                    view! {
                        <li class="role">
                            <h3 class="role__name">{role.name}</h3>
                            <p>{role.does}</p>
                            <a class="usa-link role__start" href=role.start_href>{role.start_label}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>

        <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">"Your progress"</h2>
            <ul class="progress-list">
                <li>
                    <span class="progress-list__name">"Integration profile"</span>
                    ": "
                    <span data-testid="profile-progress">
                        {move || answered.with(|(done, of)| format!("{done} of {of} answered"))}
                    </span>
                    <progress max=move || answered.with(|(_, of)| of.to_string()) value=move || answered.with(|(done, _)| done.to_string()) aria-label="Integration profile progress"></progress>
                </li>
                <ProgressRow name="Service level" href=SERVICE_LEVEL.path test_id="level-progress" status=Signal::derive(level_status) />
                <ProgressRow name="Launch checklist" href=CHECKLIST.path test_id="checklist-progress" status=Signal::derive(checklist_status) />
                <ProgressRow name="Support readiness" href=SUPPORT.path test_id="support-progress" status=Signal::derive(support_status) />
                <ProgressRow name="Launch request" href=LAUNCH.path test_id="launch-progress" status=Signal::derive(launch_status) />
                <ProgressRow name="Overall sign-off" href=REVIEW.path test_id="signoff-progress" status=Signal::derive(sign_off_status) />
            </ul>
        </section>

        <section aria-labelledby="profile-heading" id="profile">
            <h2 id="profile-heading">"Your integration"</h2>
            <ProfileForm />
        </section>

        <section aria-labelledby="record-heading" id="record">
            <h2 id="record-heading">"Save, move or review your work"</h2>
            <RecordTransfer />
        </section>
    }
}

/// One line of the progress list: the section, linked, and where it stands.
#[component]
fn ProgressRow(name: &'static str, href: &'static str, test_id: &'static str, status: Signal<String>) -> impl IntoView {
    view! {
        <li>
            <a class="usa-link progress-list__name" href=href>{name}</a>
            ": "
            <span data-testid=test_id>{move || status.get()}</span>
        </li>
    }
}
