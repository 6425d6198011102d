#!/usr/bin/env bash
# A short tour of a running Presale (start it with `bash scripts/run-local.sh`). Each step prints the request and the
# answer. PRESALE_URL and PRESALE_FUNCTION_KEY override the defaults run-local.sh uses.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${PRESALE_URL:-http://127.0.0.1:7071}"
KEY="${PRESALE_FUNCTION_KEY:-${Presale__Host__FunctionKey:-local-dev-function-key}}"

step() { printf '\n== %s\n' "$*"; }
call() {
  local method=$1 path=$2 body=${3:-}
  printf '%s %s%s\n' "$method" "$path" "${body:+  $body}"
  local args=(-sS -X "$method" -H "x-functions-key: $KEY" -w '\n-> HTTP %{http_code}\n')
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
  curl "${args[@]}" "$BASE$path"
}

if ! curl -fsS -o /dev/null "$BASE/"; then
  echo "Presale is not answering at $BASE: start it with 'bash scripts/run-local.sh'." >&2
  exit 1
fi

step "Health: each check (storage, declared functions) with its status"
call GET /api/health

step "Run a timer function now through the admin API (as the Functions host's admin API does; loopback needs no key)"
timer=$(grep -l '"timerTrigger"' functions/Presale.Functions/Definitions/*/function.json 2>/dev/null | head -n 1 | xargs -r dirname | xargs -r basename || true)
if [ -n "$timer" ]; then
  call POST "/admin/functions/$timer" '{"input": ""}'
  echo "(202: accepted; the run appears in the app's log with its invocation id)"
else
  echo "No timerTrigger function is declared yet under functions/Presale.Functions/Definitions."
fi
