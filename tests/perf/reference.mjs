// The yardstick for every CPU-bound gate: a fixed piece of main-thread work that does not depend
// on the app. Timed in the same page, right after what is gated, it tells how fast this machine is
// at that moment, so a gate can hold the app's time as a ratio to it: a slow or busy machine
// slows both and the ratio stays, while a change that makes the app do more work moves the ratio.
// (Lighthouse's total blocking time and performance score multiply the CPU time they observe, so
// they move with the machine; the budgets layer reports them only.)
//
// The work is what a start-up and an interaction are made of: building DOM nodes, style and
// layout, and plain JavaScript (a sort, JSON). It runs in a shadow root with its own stylesheet
// and layout containment, so the page around it (its DOM size, its stylesheet) changes nothing.
// It is deterministic: the same `units` always do the same work. Sizes are in tests/budgets.json.

/**
 * Does `units` units of reference work on the current page and returns a figure computed from
 * it (so no engine can skip it). Self-contained: it is sent to the browser as source text.
 */
export function referenceWork(units) {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const host = document.createElement("div");
  host.setAttribute("aria-hidden", "true");
  // Styles through the CSS object model, which a strict Content-Security-Policy allows.
  host.style.cssText = "position:absolute;left:0;top:0;width:400px;contain:strict;height:10px;overflow:hidden";
  const shadow = host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(":host{display:block}ul{margin:0;padding:0 0 0 1rem;font:16px/1.4 sans-serif}.r1{color:#1b1b1b}.r2{padding-left:1rem}");
  shadow.adoptedStyleSheets = [sheet];
  const root = document.createElement("div");
  shadow.appendChild(root);
  document.body.appendChild(host);
  let checksum = 0;
  for (let u = 0; u < units; u++) {
    const list = document.createElement("ul");
    for (let i = 0; i < 24; i++) {
      const item = document.createElement("li");
      item.className = `r${i % 3}`;
      item.textContent = `Reference item ${next().toString(36)}`;
      list.appendChild(item);
    }
    root.appendChild(list);
    const numbers = Array.from({ length: 300 }, next).sort((a, b) => a - b);
    checksum = (checksum + JSON.parse(JSON.stringify({ numbers })).numbers[150]) >>> 0;
  }
  // Reading a layout figure makes the browser compute style and layout now, inside the work.
  checksum = (checksum + root.offsetHeight) >>> 0;
  host.remove();
  return checksum;
}
