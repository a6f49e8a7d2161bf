// Reading CPU time out of a Chrome trace, for the gates that must not depend on how busy the
// machine is. A task's thread time (`tdur`) counts only while its thread runs: time spent waiting
// for a core on a busy machine is not in it, unlike the task's duration.

/** Trace categories that hold the main thread's tasks and `console.timeStamp` marks. */
export const TRACE_CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"];

/**
 * The top-level tasks of one thread, in order. Blink's scheduler marks its tasks twice (RunTask
 * and ThreadControllerImpl::RunTask, one inside the other), V8's own tasks (such as the one that
 * finishes compiling wasm and runs the app's start) only as RunTask. A task inside another
 * (within 50 µs of its end, for the two clocks) is part of it.
 */
export function topLevelTasks(traceEvents, pid, tid) {
  const isTask = (e) => e.ph === "X" && e.pid === pid && e.tid === tid && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask");
  const tasks = [];
  for (const e of traceEvents.filter(isTask).sort((x, y) => x.ts - y.ts || y.dur - x.dur)) {
    const last = tasks.at(-1);
    if (last && e.ts + e.dur <= last.ts + last.dur + 50) continue;
    tasks.push(e);
  }
  return tasks;
}

/**
 * The `console.timeStamp` marks whose message starts with `prefix`, each with the top-level task
 * it ran in and that task's CPU time in ms; all the thread's tasks; and the messages of marks the
 * trace holds without their task. Chrome does that now and then (seen once in a CI run), as when
 * DevTools runs an evaluation outside a scheduled task: such a sample measured nothing, and the
 * caller drops it or measures again. No marks at all throws, so a change in Chrome's tracing
 * fails loudly instead of measuring nothing.
 */
export function markedTasks(traceEvents, prefix) {
  const marks = traceEvents.filter((e) => e.name === "TimeStamp" && String(e.args?.data?.message ?? "").startsWith(prefix));
  if (marks.length === 0) throw new Error(`no "${prefix}" marks in the trace`);
  const { pid, tid } = marks[0];
  const tasks = topLevelTasks(traceEvents, pid, tid);
  const found = [];
  const missing = [];
  for (const mark of marks) {
    const message = mark.args.data.message;
    const task = tasks.find((t) => t.ts <= mark.ts && mark.ts <= t.ts + t.dur);
    if (task) found.push({ message, task, cpu_ms: (task.tdur ?? 0) / 1000 });
    else missing.push(message);
  }
  return { marks: found, tasks, missing };
}
