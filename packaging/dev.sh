#!/usr/bin/env bash
# Frontmark developer entry point. On a fresh Debian 12 machine:
#   packaging/dev.sh run    install what is missing, build, launch the editor on the sample post
#   packaging/dev.sh test   install what is missing, build, run every test headless (ctest)
# Other commands: deps, build, asan (unit tests under AddressSanitizer + UBSan), bench.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FRONTMARK_BUILD_DIR:-$ROOT/build}"
SAMPLE_POST="$ROOT/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"

# Debian 12 (bookworm) packages; see ../shared/docs/HEADLESS-QT.md for why each is here.
PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-webengine-dev qt6-tools-dev
    libcmark-gfm-dev libcmark-gfm-extensions-dev
    libyaml-cpp-dev libtomlplusplus-dev
    xvfb xauth fonts-noto-cjk python3
    hugo xdotool   # tests: `hugo new` is the reference for `frontmark-cli new`; xdotool types into a real window (crash-recovery test)
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        log "all ${#PACKAGES[@]} packages present"
        return
    fi
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    local dir="$1"; shift
    local werror=OFF
    [ -n "${CI:-}" ] && werror=ON
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="${FRONTMARK_BUILD_TYPE:-RelWithDebInfo}" \
        -DFRONTMARK_WERROR="$werror" "$@" >/dev/null
    cmake --build "$dir"
}

# Environment for Qt (and later WebEngine) tests as root without a display.
test_env() {
    export QTWEBENGINE_DISABLE_SANDBOX=1
    export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---disable-gpu}"
    export QT_LOGGING_RULES="${QT_LOGGING_RULES:-qt.webenginecontext.info=false}"
    export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
    mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    fi
}

cmd="${1:-}"
case "$cmd" in
    deps)
        deps ;;
    build)
        deps
        configure_and_build "$BUILD" ;;
    run)
        deps
        configure_and_build "$BUILD"
        if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            log "no display: starting the editor inside xvfb-run (set DISPLAY to see it)"
            exec xvfb-run -a "$BUILD/ui/frontmark" "$SAMPLE_POST"
        fi
        exec "$BUILD/ui/frontmark" "$SAMPLE_POST" ;;
    test)
        deps
        configure_and_build "$BUILD"
        test_env
        cd "$BUILD"
        ctest --output-on-failure --label-exclude bench --timeout 900 ;;
    asan)
        deps
        FRONTMARK_BUILD_TYPE=Debug configure_and_build "$ROOT/build-asan" -DFRONTMARK_SANITIZE=ON -DFRONTMARK_BUILD_UI=OFF
        test_env
        export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
        export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
        cd "$ROOT/build-asan"
        ctest --output-on-failure --label-regex unit --timeout 1800 ;;
    fuzz)
        PACKAGES+=(clang libclang-rt-14-dev)
        deps
        CC=clang CXX=clang++ FRONTMARK_BUILD_TYPE=Debug configure_and_build "$ROOT/build-fuzz" \
            -DFRONTMARK_FUZZ=ON -DFRONTMARK_BUILD_UI=OFF -DFRONTMARK_WERROR=OFF
        seeds="$(mktemp -d)"
        cp "$ROOT"/../shared/corpus/posts/*.md "$ROOT"/resources/sample-site/content/posts/*.md "$seeds"/ 2>/dev/null || true
        export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
        export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
        "$ROOT/build-fuzz/tests/fuzz/fuzz_render" -max_total_time="${2:-60}" -timeout=10 -rss_limit_mb=2048 \
            ${FRONTMARK_FUZZ_SEED:+-seed=$FRONTMARK_FUZZ_SEED} \
            -print_final_stats=1 "$seeds"
        rm -rf "$seeds" ;;
    bench)
        deps
        FRONTMARK_BUILD_TYPE=Release configure_and_build "$ROOT/build-release"
        "$ROOT/build-release/tests/bench/bench_load" "${@:2}"
        "$ROOT/build-release/tests/bench/bench_render" "${@:2}"
        "$ROOT/build-release/tests/bench/bench_publish" "${@:2}"
        test_env
        "$ROOT/build-release/tests/bench/bench_editor"
        "$ROOT/build-release/tests/bench/bench_editor" --interval 30 ;;
    *)
        echo "usage: packaging/dev.sh run|test|build|deps|asan|fuzz|bench" >&2
        exit 2 ;;
esac
