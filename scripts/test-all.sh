#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, stopping at the first failure.
# lint (with the layer rule, ARCHITECTURE.md), unused files/exports/dependencies (knip), typecheck, unit + integration tests on PGlite, integration tests on PostgreSQL
# (TEST_POSTGRES_URL, default the local server), production build, end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "lint (layers included)"; npx eslint . --max-warnings=0
step "unused code (knip)";  npx knip --no-progress
step "server-only marks";   node scripts/add-server-only.mjs --check
step "typecheck";           npx tsc --noEmit
step "openapi up to date";  if [ -f scripts/openapi.ts ]; then npm run --silent openapi -- --check; else echo "(no OpenAPI generator yet)"; fi
step "unit + integration (PGlite)"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest-pglite.json
step "integration (PostgreSQL)"
TEST_DB=postgres npx vitest run --project integration --reporter=default --reporter=json --outputFile=test-results/vitest-postgres.json
step "production build";    npm run build
step "end-to-end (Chromium, production build)"
npx playwright test

node scripts/test-summary.mjs
