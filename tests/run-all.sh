#!/usr/bin/env bash
# Runs every test of ECampus: unit, integration and browser tests, all projects of ECampus.sln.
#
#   tests/run-all.sh                      # from anywhere in a clone; needs only the .NET 10 SDK
#   tests/run-all.sh --filter Name~Login  # extra arguments go to `dotnet test`
#
# The browser tests drive Debian's chromium (/usr/bin/chromium); when it is missing this script installs it with
# apt-get (through sudo when not root). Results go to .ci/out/test-results/ as TRX files (git-ignored). The last line
# printed is always the totals: "N passed, N failed, N skipped". The exit code is non-zero when a test failed, when
# `dotnet test` failed (e.g. a build error), or when no test ran at all.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$repo/.ci/out/test-results"
chromium="${ECAMPUS_CHROMIUM:-/usr/bin/chromium}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

install_chromium() {
    if [[ -x "$chromium" ]]; then
        return
    fi
    echo "Installing Debian's chromium for the browser tests (not found at $chromium)..."
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "chromium is missing and this user is not root and has no sudo: install it with 'apt-get install chromium' as root." >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    if [[ ! -x "$chromium" ]]; then
        echo "apt-get installed chromium, yet there is no browser at $chromium (set ECAMPUS_CHROMIUM to its path)." >&2
        exit 1
    fi
}

if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is needed (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
    exit 1
fi

install_chromium

rm -rf "$results"
mkdir -p "$results"
cd "$repo"

test_status=0
dotnet test ECampus.sln --logger "trx" --results-directory "$results" "$@" || test_status=$?

# Sum the <Counters total=".." executed=".." passed=".." failed=".." error=".." ... notExecuted=".."> of every TRX file.
# A test that errored, timed out or was aborted counts as failed. The TRX logger leaves ignored and inconclusive NUnit
# tests out of every counter but "total" (notExecuted stays 0), so skipped = total - passed - failed.
read -r total passed failed skipped < <(
    find "$results" -name '*.trx' -print0 | xargs -0 -r cat | grep -o '<Counters [^>]*>' | awk '
        {
            n = split($0, part, "\"")
            for (i = 1; i < n; i += 2) {
                key = part[i]
                sub(/.* /, "", key)
                sub(/=$/, "", key)
                count[key] += part[i + 1]
            }
        }
        END {
            failed = count["failed"] + count["error"] + count["timeout"] + count["aborted"]
            skipped = count["total"] - count["passed"] - failed
            if (skipped < 0) skipped = 0
            printf "%d %d %d %d\n", count["total"], count["passed"], failed, skipped
        }'
)

exit_code=0
if [[ "$test_status" -ne 0 ]]; then
    echo "dotnet test failed (exit code $test_status); see the output above and the TRX files in $results."
    exit_code=1
fi
if [[ "$failed" -ne 0 ]]; then
    exit_code=1
fi
if [[ "$total" -eq 0 ]]; then
    echo "No test ran: that is a failure too (a build error, or a filter that matches nothing)."
    exit_code=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$exit_code"
