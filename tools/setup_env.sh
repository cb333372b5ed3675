#!/usr/bin/env bash
# Create .venv/ and install the pinned OpenMMLab stack.
#
#   bash tools/setup_env.sh            # full: mmcv 2.1.0 with its compiled ops (make setup, make test, CI)
#   bash tools/setup_env.sh --lite     # lite: the same mmcv 2.1.0 without ops, built in seconds (make demo)
#
# Idempotent: finishes an interrupted setup, no-op when done. A full environment satisfies a
# lite request; a lite one asked for full is upgraded in place (only mmcv is rebuilt and
# reinstalled). Only the mmdet + mmpose pose backend needs the ops (docs/install.md).
#
# Environment knobs:
#   MMCV_OPS=0            same as --lite
#   PYTHON=python3.11     interpreter used to create the venv
#   VENV=.venv            where to create it
#   MAX_JOBS=<nproc>      parallel compile jobs for mmcv's ops
#   WITH_DEMO=1           also install the offline pose demo deps (mediapipe), default 1
#   MMACTION_POSE_WHEELS  local wheel directory reused across clones (default ~/.cache/mmaction_pose/wheels)
#
# Why each pin exists is documented in docs/install.md. In short: CPU torch 2.13.0
# (an already-installed torch, e.g. a CUDA build on a GPU machine, is kept), setuptools<81
# (pkg_resources), mmcv 2.1.0 built from the sdist with --no-build-isolation, numpy 1.26.4,
# opencv 4.11, mmpose --no-deps (no chumpy, no torchvision: none exists for CPU torch 2.13).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REQ="$ROOT/tools/requirements"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-$ROOT/.venv}"
MAX_JOBS="${MAX_JOBS:-$(nproc)}"
WITH_DEMO="${WITH_DEMO:-1}"
WHEELS="${MMACTION_POSE_WHEELS:-$HOME/.cache/mmaction_pose/wheels}"
STAMP="$VENV/.mmaction_pose_setup_done"
MMCV_OPS="${MMCV_OPS:-1}"
for arg in "$@"; do
  case "$arg" in
    --lite) MMCV_OPS=0 ;;
    --full) MMCV_OPS=1 ;;
    *) echo "usage: bash tools/setup_env.sh [--lite|--full]" >&2; exit 2 ;;
  esac
done
MODE=$([[ "$MMCV_OPS" == "0" ]] && echo lite || echo full)
T0=$(date +%s)

log() { printf '\033[1;34m[setup %4ss]\033[0m %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf '\033[1;31m[setup] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# The stamp holds the installed mode and a hash of the pins and of this script.
HASH="$(cat "$REQ"/*.txt tools/setup_env.sh | sha1sum | cut -d' ' -f1)"
UPGRADE=0  # 1: a complete lite setup asked for full: only mmcv is replaced
if [[ -f "$STAMP" ]]; then
  read -r DONE_MODE DONE_HASH < "$STAMP" || true
  if [[ "${DONE_HASH:-}" == "$HASH" && ( "$DONE_MODE" == full || "$MODE" == lite ) ]]; then
    log "environment $VENV is up to date ($DONE_MODE; delete $STAMP to force a reinstall)"
    exit 0
  fi
  if [[ "${DONE_HASH:-}" == "$HASH" && "$DONE_MODE" == lite ]]; then UPGRADE=1; fi
fi

"$PYTHON" -c 'import sys; assert sys.version_info[:2] >= (3, 9), sys.version' \
  || die "$PYTHON is too old; Python 3.11 is the tested version"

# 0. venv. Reuse a torch that is already installed system-wide (GPU machines ship their own CUDA build).
SYS_TORCH="$("$PYTHON" -c 'import torch; print(torch.__version__)' 2>/dev/null || true)"
if [[ ! -x "$VENV/bin/python" ]]; then
  if [[ -n "$SYS_TORCH" ]]; then
    log "creating $VENV with system site-packages to keep the installed torch $SYS_TORCH"
    "$PYTHON" -m venv --system-site-packages "$VENV"
  else
    log "creating $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
fi
PY="$VENV/bin/python"
PIP=("$PY" -m pip --disable-pip-version-check)
export PIP_DEFAULT_TIMEOUT="${PIP_DEFAULT_TIMEOUT:-180}"
mkdir -p "$WHEELS"

# 1. torch + build tooling.
TORCH_NOW="$("$PY" -c 'import torch; print(torch.__version__)' 2>/dev/null || true)"
if [[ -z "$TORCH_NOW" ]]; then
  log "installing torch==2.13.0 (CPU)"
  # Refuse anything that would pull CUDA packages (PyPI's default torch wheel is CUDA).
  if "${PIP[@]}" install --dry-run torch==2.13.0 2>/dev/null | grep -qiE 'nvidia|triton|cuda-toolkit'; then
    log "the default index resolves a CUDA torch; using the PyTorch CPU index"
    "${PIP[@]}" install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
      || die "could not install a CPU build of torch 2.13.0 (put its wheel in a --find-links dir)"
  else
    "${PIP[@]}" install torch==2.13.0
  fi
  TORCH_NOW="$("$PY" -c 'import torch; print(torch.__version__)')"
fi
log "torch $TORCH_NOW (cuda: $("$PY" -c 'import torch; print(torch.version.cuda)'))"
CONS="$VENV/constraints.txt"
{ cat "$REQ/constraints.txt"; echo "torch==${TORCH_NOW}"; } > "$CONS"
"${PIP[@]}" install -q -c "$CONS" -r "$REQ/build.txt"

# 2. mmcv 2.1.0. Full: with compiled ops, built once into the shared wheel dir (~10 min on
# 2 cores), reused by every clone. Lite: the same sdist built with MMCV_WITH_OPS=0 (seconds) into
# $WHEELS/lite/, unless the full wheel is already there (then that one, at no cost).
has_full_wheel() {
  ls "$WHEELS"/mmcv-2.1.0-*.whl >/dev/null 2>&1 && "$PY" - "$WHEELS" <<'EOF'
import glob, sys, zipfile
whl = sorted(glob.glob(sys.argv[1] + '/mmcv-2.1.0-*.whl'))[-1]
sys.exit(0 if any('_ext' in n for n in zipfile.ZipFile(whl).namelist()) else 1)
EOF
}
# mmcv's setup.py names an ops-free build "mmcv-lite"; renamed back to mmcv (same version, same
# files) so that mmdet's and mmpose's "mmcv" requirements see it and a full wheel replaces it.
build_lite_mmcv() {
  local tmp; tmp="$(mktemp -d)"
  "${PIP[@]}" download -q --no-deps --no-build-isolation --no-binary :all: mmcv==2.1.0 -d "$tmp"
  MMCV_WITH_OPS=0 "${PIP[@]}" wheel -q --no-build-isolation --no-deps -w "$tmp/built" \
    "$tmp"/mmcv-2.1.0.tar.gz
  "$PY" -m wheel unpack -d "$tmp/unpacked" "$tmp"/built/mmcv_lite-2.1.0-*.whl >/dev/null
  local root="$tmp/unpacked/mmcv_lite-2.1.0"
  mv "$root/mmcv_lite-2.1.0.dist-info" "$root/mmcv-2.1.0.dist-info"
  sed -i 's/^Name: mmcv-lite$/Name: mmcv/' "$root/mmcv-2.1.0.dist-info/METADATA"
  mkdir -p "$WHEELS/lite"
  "$PY" -m wheel pack -d "$WHEELS/lite" "$root" >/dev/null
  rm -rf "$tmp"
}
if [[ "$MODE" == lite ]] && ! has_full_wheel; then
  if ! "$PY" -c 'import mmcv; assert mmcv.__version__ == "2.1.0"' 2>/dev/null; then
    if ! ls "$WHEELS"/lite/mmcv-2.1.0-*.whl >/dev/null 2>&1; then
      log "building mmcv 2.1.0 without ops (lite, seconds; 'make setup-full' adds the ops later)"
      build_lite_mmcv
      log "built $(basename "$WHEELS"/lite/mmcv-2.1.0-*.whl)"
    else
      log "reusing the lite mmcv wheel in $WHEELS/lite"
    fi
    "${PIP[@]}" install -q -c "$CONS" --no-deps "$WHEELS"/lite/mmcv-2.1.0-*.whl
  fi
elif ! "$PY" -c 'import mmcv, mmcv.ops; assert mmcv.__version__ == "2.1.0"' 2>/dev/null; then
  if ! has_full_wheel; then
    log "building mmcv 2.1.0 with ops from source (MAX_JOBS=$MAX_JOBS, ~10 min on 2 cores)"
    rm -f "$WHEELS"/mmcv-2.1.0-*.whl
    FORCE_CUDA_DEFAULT=0
    "$PY" -c 'import torch,sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null && FORCE_CUDA_DEFAULT=1
    MMCV_WITH_OPS=1 FORCE_CUDA="${FORCE_CUDA:-$FORCE_CUDA_DEFAULT}" MAX_JOBS="$MAX_JOBS" \
      "${PIP[@]}" wheel -c "$CONS" --no-build-isolation --no-deps -w "$WHEELS" mmcv==2.1.0
  else
    log "reusing the mmcv wheel in $WHEELS"
  fi
  # --force-reinstall: a lite mmcv 2.1.0 is the same version (the in-place upgrade)
  "${PIP[@]}" install -q -c "$CONS" --no-deps --force-reinstall "$WHEELS"/mmcv-2.1.0-*.whl
fi

# 3. OpenMMLab packages, 4. mmpose without chumpy/torchvision, 5. tests and demo deps.
if [[ "$UPGRADE" == 1 ]]; then
  log "upgraded lite -> full in place: only mmcv was replaced"
else
  log "installing mmengine / mmaction2 / mmdet / mmpose"
  "${PIP[@]}" install -q -c "$CONS" -r "$REQ/runtime.txt" -r "$REQ/tests.txt"
  "${PIP[@]}" install -q -c "$CONS" --no-deps mmpose==1.3.2
  if [[ "$WITH_DEMO" == "1" ]]; then
    log "installing demo deps (mediapipe)"
    "${PIP[@]}" install -q -c "$CONS" -r "$REQ/demo.txt"
  fi
  "${PIP[@]}" install -q -c "$CONS" --no-deps --no-build-isolation -e .
fi

# 6. Checks: torch untouched, no torchvision, compiled ops and APIs import.
[[ "$("$PY" -c 'import torch; print(torch.__version__)')" == "$TORCH_NOW" ]] || die "torch was replaced during setup"
"$PY" - <<'EOF' || die "smoke imports failed"
import importlib.util, sys
import mmaction_pose  # applies the compatibility shims first
from mmaction_pose.utils.compat import check_stack, mmcv_has_ops
check_stack(verbose=True, with_ops=mmcv_has_ops())
EOF
INSTALLED=$("$PY" -c 'from mmaction_pose.utils.compat import mmcv_has_ops as f; print("full" if f() else "lite")' 2>/dev/null)
[[ "$MODE" == lite || "$INSTALLED" == full ]] || die "mmcv has no compiled ops after a full setup"
echo "$INSTALLED $HASH" > "$STAMP"
if [[ "$INSTALLED" == lite ]]; then
  log "done (lite mmcv: 'make setup-full' adds the ops): activate with '. $VENV/bin/activate'"
else
  log "done: activate with '. $VENV/bin/activate'"
fi
