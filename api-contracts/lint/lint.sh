#!/usr/bin/env bash
# Lints the two checked-in OpenAPI documents as a consuming team would (issue 32): Spectral with
# spectral:oas (.spectral.yaml) and Redocly with recommended (redocly.yaml), at the versions
# package-lock.json pins. Fails on any error or warning of either tool, and on a rule turned off
# without a reason. Run `npm ci` here first; arguments lint other documents instead.
set -euo pipefail
cd "$(dirname "$0")"
documents=("$@")
[ $# -gt 0 ] || documents=(../src/main/resources/openapi/relationship-service.json ../src/main/resources/openapi/projection-service.json)

python3 check-rulesets.py .spectral.yaml redocly.yaml

node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn "${documents[@]}"

# Redocly exits 0 on warnings: read its totals instead (one JSON report per document); on a problem,
# show it in Redocly's own words. (The JSON run's stderr only names what it validates.)
for document in "${documents[@]}"; do
  totals=$(node_modules/.bin/redocly lint --config redocly.yaml --format=json "$document" 2>/dev/null \
    | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
        const t = JSON.parse(s).totals; console.log(`${t.errors} errors, ${t.warnings} warnings`); })') || true
  if [ "$totals" != "0 errors, 0 warnings" ]; then
    node_modules/.bin/redocly lint --config redocly.yaml --format=stylish "$document" 2>&1 || true
    echo "redocly: ${totals:-no report} in $document" >&2
    exit 1
  fi
  echo "redocly: $totals in $document"
done
