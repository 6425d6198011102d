#!/usr/bin/env bash
# Runs every test against a fresh in-memory Azurite and ends with one line: "N passed, N failed[, N skipped]".
# The line is printed however the run ends: when installing Azurite, restoring, building or starting Azurite fails,
# that failure counts as one failed test.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Orders]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/azurite.sh

passed=0; failed=0; skipped=0; reported=false
report() {
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  reported=true
}
finish() {
  local status=$?
  stop_azurite
  if [ "$reported" = false ]; then
    echo "scripts/test.sh stopped before the tests could run (exit status $status); see the messages above." >&2
    failed=$((failed + 1))
    report
    if [ "$status" -eq 0 ]; then status=1; fi
  fi
  exit "$status"
}
trap finish EXIT

# The console's browser test drives Debian's Chromium (never a downloaded browser); a fresh CI machine gets it here.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the console's browser test." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The console's browser test needs /usr/bin/chromium: run 'apt-get install -y chromium' as root (Debian)." >&2
    return 1
  fi
}

ensure_azurite_installed
ensure_chromium
dotnet restore Presale.sln --verbosity quiet
dotnet build Presale.sln --no-restore --verbosity quiet -nologo

blob=$(free_port); queue=$(free_port); table=$(free_port)
AZURITE_LOG=artifacts/azurite-test.log
mkdir -p artifacts
start_azurite "$blob" "$queue" "$table"
export PRESALE_TEST_STORAGE
PRESALE_TEST_STORAGE=$(azurite_connection_string "$blob" "$queue" "$table")

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test Presale.sln --no-build --verbosity quiet --results-directory "$results" --logger "trx" "$@" || status=$?

total=0; executed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  total=$((total + $(value total)))
  executed=$((executed + $(value executed)))
done
skipped=$((total - executed))

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failed test in the results (a crashed test host, a build error): count it.
  failed=1
fi
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi

report
exit "$status"
