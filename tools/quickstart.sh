#!/usr/bin/env bash
# Quickstart on the embedded synthetic dataset (no downloads):
# set up (if needed) -> generate data -> train PoseC3D -> test -> top-1.
#   bash tools/quickstart.sh            (or: make demo)
# The setup is the lite one (mmcv without compiled ops: seconds instead of a
# ~10 min build; nothing here needs the ops) unless .venv/ is already full;
# MMCV_OPS=1 bash tools/quickstart.sh asks for the full one (docs/install.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIG=${CONFIG:-configs/posec3d/synthetic_keypoint.py}
WORK_DIR=${WORK_DIR:-work_dirs/quickstart}
export VENV="${VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$(nproc)}

# a lite request is a no-op on a full .venv/: it never downgrades
MMCV_OPS="${MMCV_OPS:-0}" bash tools/setup_env.sh
T0=$(date +%s)
"$PY" tools/data/synthetic/generate_dataset.py --out-dir data/synthetic
rm -rf "$WORK_DIR"
"$PY" tools/train.py "$CONFIG" --work-dir "$WORK_DIR" --seed 0 "$@"
T1=$(date +%s)
CKPT=$(ls -t "$WORK_DIR"/best_*.pth 2>/dev/null | head -1)
[[ -n "$CKPT" ]] || CKPT=$(ls -t "$WORK_DIR"/epoch_*.pth | head -1)
"$PY" tools/test.py "$CONFIG" "$CKPT" --work-dir "$WORK_DIR/test" \
    --dump "$WORK_DIR/test/predictions.pkl" 2>&1 | tee "$WORK_DIR/test.log"
T2=$(date +%s)
"$PY" - "$WORK_DIR/test.log" "$CKPT" $((T1 - T0)) $((T2 - T1)) <<'PYEOF'
import re, sys
log, ckpt, t_train, t_test = sys.argv[1:]
text = open(log).read()
top1 = re.findall(r'acc/top1: ([0-9.]+)', text)
mean1 = re.findall(r'acc/mean1: ([0-9.]+)', text)
if not top1:
    sys.exit('quickstart: no top-1 found in the test log')
print('\n' + '=' * 64)
print(f'quickstart: PoseC3D on the synthetic test split (10-view test)')
print(f'  checkpoint : {ckpt}')
print(f'  top-1      : {100 * float(top1[-1]):.2f} %')
print(f'  mean-class : {100 * float(mean1[-1]):.2f} %')
print(f'  wall time  : data+train {t_train} s, test {t_test} s')
print('=' * 64)
PYEOF
