// Reads `cargo test --no-run --message-format=json` on standard input: prints the path of the
// test binary named by the first argument, and the compiler's messages (warnings, errors) to
// standard error as cargo would have shown them. scripts/test.sh runs that one binary in each
// browser, so the browser tests are compiled once.
import { createInterface } from "node:readline";

const wanted = process.argv[2];
for await (const line of createInterface({ input: process.stdin })) {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    continue;
  }
  if (message.reason === "compiler-message" && message.message?.rendered) process.stderr.write(message.message.rendered);
  if (message.reason === "compiler-artifact" && message.executable && message.target?.name === wanted) console.log(message.executable);
}
