# mmaction-pose: `make demo` (quickstart) and `make test` work on a fresh
# machine; both set up .venv/ first when needed (tools/setup_env.sh).
PY := .venv/bin/python
export OMP_NUM_THREADS ?= 2

.PHONY: setup demo data test test-fast clean

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

clean:
	rm -rf work_dirs .pytest_cache
