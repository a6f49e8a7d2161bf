// Many launch requests for the staffing planner's tests and benchmark, made from one request the
// /launch page wrote (so every field is what the portal writes): each copy gets its own key,
// agency, application, size and dates, spread over `spreadDays` days from the template's own.

/** The ISO date `days` after `iso`. */
function plus(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A version-4-shaped UUID from a counter: the same `n` always gives the same key. */
function key(n) {
  const hex = n.toString(16).padStart(12, "0");
  return `00000000-0000-4000-8000-${hex}`;
}

/**
 * `count` requests as Playwright file payloads ({ name, mimeType, buffer }), from `template`
 * (a parsed request). Deterministic: the same arguments give the same files.
 */
export function generateRequests(template, count, { spreadDays = 180 } = {}) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const request = structuredClone(template);
    const shift = (i * 7) % spreadDays;
    request.idempotency_key = key(i + 1);
    request.agency = `Agency ${1 + (i % 97)}`;
    request.application = `Application ${i + 1}`;
    const launch = request.launch;
    for (const field of ["deploy_date", "user_launch_date", "announcement_date"]) {
      if (launch[field]) launch[field] = plus(launch[field], shift);
    }
    launch.monthly_active_users = 2_000 + ((i * 7919) % 200_000);
    launch.share_es = i % 5 === 0 ? 30 : 0;
    launch.share_en = 100 - launch.share_es - (launch.share_fr ?? 0) - (launch.share_zh ?? 0);
    files.push({ name: `request-${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(request, null, 2)) });
  }
  return files;
}
