#!/usr/bin/env bash
# Everything CI checks, in order, with the time each step took. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
total_start=$SECONDS
step() {
  local name=$1; shift
  local start=$SECONDS
  echo
  echo "▶ $name"
  "$@"
  echo "✔ $name ($((SECONDS - start)) s)"
}
step "typecheck" npx tsc -p tsconfig.json
step "lint" npx eslint --max-warnings 0 --ext .ts,.tsx src mock scripts test config bench
step "unit, component and contract tests" npx jest --ci
step "guide templates" npx tsx scripts/guides-check.ts
step "build H5" npm run --silent build:h5
step "build WeChat" npm run --silent build:weapp
step "WeChat compile check" npx tsx scripts/check-weapp.ts
step "WeChat syntax and globals scan" npx tsx scripts/scan-weapp.ts
step "WeChat runtime (headless)" npx jest --ci -c jest.weapp.config.js
step "browser" bash scripts/ensure-browser.sh
step "size budgets" npx tsx scripts/check-size.ts
step "browser end-to-end" npx jest --ci -c jest.e2e.config.js --runInBand
echo
echo "All checks passed in $((SECONDS - total_start)) s."
