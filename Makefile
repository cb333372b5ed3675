# mmaction-pose: `make demo` (quickstart) and `make test` work on a fresh
# machine; both set up .venv/ first when needed (tools/setup_env.sh).
PY := .venv/bin/python
export OMP_NUM_THREADS ?= 2

.PHONY: setup demo data test test-fast clean penn-data penn-test penn-train

setup:
	bash tools/setup_env.sh

data: setup
	$(PY) tools/data/synthetic/generate_dataset.py

demo:
	bash tools/quickstart.sh

test: setup
	$(PY) -m pytest tests -q -m "not slow and not gpu"

test-fast:
	$(PY) -m pytest tests -q -x -m "not slow and not gpu"

# Penn Action (needs ../shared/data/penn_action/labels or PENN_LABELS=DIR):
# penn-test re-evaluates the committed checkpoint (98.41 %, ~2 min on 2 cores),
# penn-train trains the same recipe from scratch (~13-18 min on 2 cores).
PENN_LABELS ?= ../shared/data/penn_action/labels
PENN_CKPT = $(lastword $(sort $(wildcard configs/posec3d/penn_action/penn_action_keypoint_*.pth)))

penn-data: setup
	$(PY) tools/data/penn_action/convert.py --labels $(PENN_LABELS) --no-progress

penn-test: penn-data
	$(PY) tools/test.py configs/posec3d/penn_action_keypoint.py $(PENN_CKPT)

penn-train: penn-data
	$(PY) tools/train.py configs/posec3d/penn_action_keypoint.py

clean:
	rm -rf work_dirs .pytest_cache
