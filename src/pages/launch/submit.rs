//! Submitting the request (through the outbox), its receipts, and the downloads.

use super::*;

#[component]
pub(super) fn SubmitArea() -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let outbox = use_outbox();
    // What this area says about the endpoint comes from the sender, which starts now if no
    // earlier request woke it.
    outbox::wake(store, outbox);
    let endpoint_text = move || {
        match outbox.endpoint.get() {
        Endpoint::Loading => view! { <p>"Reading the portal’s configuration… A request submitted now waits in this browser until the portal knows where to send it."</p> }.into_any(),
        Endpoint::Unknown(reason) => view! {
            <div class="usa-alert usa-alert--warning usa-alert--slim" data-testid="config-unknown">
                <div class="usa-alert__body">
                    <p class="usa-alert__text">
                        {format!("The portal cannot tell where launch requests go: its configuration could not be read ({reason}). It keeps trying. A request you submit waits in this browser and is sent as soon as the configuration is read.")}
                    </p>
                </div>
            </div>
        }.into_any(),
        Endpoint::None => view! { <p>"No submission endpoint is configured for this portal: submitting saves a receipt in this browser, and you send the downloaded files to Login.gov."</p> }.into_any(),
        Endpoint::Url(url) => view! { <p>{format!("Submissions go to {url}.")}</p> }.into_any(),
    }
    };
    let retry = move |_| outbox::retry(store, outbox);
    let waiting_for = move || match outbox.endpoint.get() {
        Endpoint::Loading | Endpoint::Unknown(_) => "It is sent once the portal knows where launch requests go. ",
        _ => "",
    };
    let duplicate_notice = expect_context::<RwSignal<Option<Duplicate>>>();
    view! {
        <section class="submit-area" aria-labelledby="submit-heading">
            <h2 id="submit-heading">"Submit"</h2>
            {endpoint_text}
            // Never disabled: a request submitted while another is sending joins the queue.
            <button type="submit" class="usa-button usa-button--big">"Submit the launch request"</button>
            <div role="status" data-testid="submit-result">
                {move || duplicate_notice.get().map(|outcome| match outcome {
                    Duplicate::New => view! { <p class="submit-result">"Submitted: its status is below."</p> }.into_any(),
                    Duplicate::Queued => view! {
                        <p class="submit-result submit-result--duplicate">"This request is already waiting to send, below. Nothing new was queued: change the request to submit a new one."</p>
                    }.into_any(),
                    Duplicate::Submitted(receipt) => view! {
                        <p class="submit-result submit-result--duplicate">
                            {format!("This exact request was already {} on {}. Nothing was submitted again: change the request to submit a new one.", if receipt.sent { "sent" } else { "saved" }, browser::local_time(&receipt.at))}
                        </p>
                    }.into_any(),
                })}
            </div>
            <div role="status" data-testid="outbox">
                {move || record.with(|r| r.launch.outbox.clone()).into_iter().map(|entry| view! {
                    <div class="usa-alert usa-alert--warning usa-alert--slim outbox-entry">
                        <div class="usa-alert__body">
                            <p class="usa-alert__text">
                                {format!("Waiting to send (queued {}, {} attempts so far). ", browser::local_time(&entry.queued_at), entry.attempts)}
                                {waiting_for}
                                {(!entry.last_error.is_empty()).then(|| format!("Last error: {} It is retried automatically; it stays here, even if you close the page, until it goes through.", entry.last_error))}
                            </p>
                            <button type="button" class="usa-button usa-button--outline" on:click=retry disabled=move || outbox.sending.get()>"Retry now"</button>
                        </div>
                    </div>
                }).collect_view()}
            </div>
            <ul class="usa-list receipts" data-testid="receipts">
                {move || record.with(|r| r.launch.receipts.clone()).into_iter().rev().map(|receipt| view! {
                    <li>{if receipt.sent {
                        format!("Sent on {}. Reference: {}.", browser::local_time(&receipt.at), receipt.server_id.clone().unwrap_or_else(|| "none given".into()))
                    } else {
                        format!("Saved in this browser on {} (no endpoint is configured). Download the files below and send them to Login.gov.", browser::local_time(&receipt.at))
                    }}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub(super) fn Downloads(
    form: Memo<LaunchForm>,
    forecast: Memo<Forecast>,
    assumption_state: Memo<(Assumptions, Vec<(&'static str, String)>)>,
) -> impl IntoView {
    let store = use_store();
    let record = store.record;
    let download = move |format: SubmissionFormat| {
        move |_| {
            let (assumptions, _) = assumption_state.get_untracked();
            let file = record
                .with(|r| submission_download(format, &form.get_untracked(), r, &assumptions, &forecast.get_untracked(), &browser::today_iso()));
            store.offer_download(&file);
        }
    };
    let calendar = move |_| {
        let f = form.get_untracked();
        let stamp = ics_dtstamp(&browser::now_iso());
        let mut made = Ok(None);
        // The calendar entry keeps one UID and counts its versions in the record.
        record.maybe_update(|r| {
            let before = r.launch.calendar.clone();
            made = calendar_download(&f, r, &stamp, browser::random_uuid);
            r.launch.calendar != before
        });
        match made {
            Ok(Some(body)) => {
                let name = record.with(|r| submission_file_name(r, &browser::today_iso(), "ics"));
                store.offer_download(&DownloadFile { name, mime: "text/calendar", body });
            }
            Ok(None) => store.notify(NoticeKind::Warning, "Enter a valid deploy date or launch date first: the calendar entry needs one.", None),
            Err(reason) => {
                store.notify(NoticeKind::Error, format!("The calendar entry needs an id, and this browser could not make one ({reason})."), None)
            }
        }
    };
    let text_block = Signal::derive(move || record.with(|r| launch_request_text(&form.get(), r)));
    view! {
        <section aria-labelledby="launch-downloads-heading" class="no-print">
            <h2 id="launch-downloads-heading">"Download or copy"</h2>
            <p>"Always available, whether or not you have submitted."</p>
            <div class="export-buttons">
                <button type="button" class="usa-button" on:click=download(SubmissionFormat::Json)>"Download JSON"</button>
                <button type="button" class="usa-button" on:click=download(SubmissionFormat::Csv)>"Download CSV"</button>
                <button type="button" class="usa-button" on:click=calendar>"Add the deploy and launch dates to a calendar (.ics)"</button>
                <CopyButton text=text_block label="Copy the launch request text" />
            </div>
            <label class="usa-label" for="launch-text-block">"Launch request text, to paste into the Help Desk's launch request form"</label>
            <textarea class="usa-textarea link-html" id="launch-text-block" readonly prop:value=move || text_block.get()></textarea>
        </section>
    }
}
