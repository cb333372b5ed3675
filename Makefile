# mmaction-pose: `make demo` (quickstart) and `make test` work on a fresh
# machine; both set up .venv/ first when needed (tools/setup_env.sh).
PY := .venv/bin/python
export OMP_NUM_THREADS ?= 2

.PHONY: setup setup-full setup-lite demo data test test-fast clean penn-data \
	penn-test penn-train penn-rgb-data penn-rgbpose-train penn-rgbpose-test \
	penn-am-train penn-am-test penn-pasnet-train nucla-data

# setup = setup-full: mmcv with its compiled ops (the mmdet + mmpose pose
# backend needs them). setup-lite: the same mmcv without ops, built in seconds
# instead of ~10 min (enough for training, testing and the mediapipe demos;
# `make demo` uses it unless .venv/ is already full). setup-full upgrades a
# lite .venv/ in place. See docs/install.md.
setup setup-full:
	MMCV_OPS=1 bash tools/setup_env.sh

setup-lite:
	MMCV_OPS=0 bash tools/setup_env.sh

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

# penn-data also writes the stratified 10 / 25 / 50 % subsets of the training
# split (train_p10 / train_p25 / train_p50, seed 0) of the learning curves in
# configs/posec3d/README.md.
penn-data: setup
	$(PY) tools/data/penn_action/convert.py --labels $(PENN_LABELS) --no-progress
	$(PY) tools/data/splits/make_splits.py data/penn_action/penn_action.pkl \
		--source train --fractions 0.1 0.25 0.5

# N-UCLA Kinect v1 skeletons (needs ../shared/data/nucla/all_sqe or
# NUCLA_SKELETONS=DIR): data/nucla/nucla.pkl with the xview1/2/3 splits and
# label_map.txt (~15 s), then a stratified 10 % validation split of every
# xview training split (xview<N>_train_val / xview<N>_train_rest, ~30 s)
# and a held-out training view (xview<N>_train_hold = the higher-numbered
# of its two training views, xview<N>_train_keep = the other): the
# cross-view validation of the custom recipe (configs/posec3d/recipe_search).
# Research-use data: never commit data/nucla/.
NUCLA_SKELETONS ?= ../shared/data/nucla/all_sqe
NUCLA_PKL = data/nucla/nucla.pkl

nucla-data: setup
	$(PY) tools/data/nucla/convert.py --skeletons $(NUCLA_SKELETONS) \
		--out $(NUCLA_PKL) --no-progress
	for v in 1 2 3; do \
		$(PY) tools/data/splits/make_splits.py $(NUCLA_PKL) \
			--source xview$${v}_train --val-fraction 0.1 || exit 1; \
	done
	for vh in 1:3 2:3 3:2; do \
		$(PY) tools/data/splits/make_splits.py $(NUCLA_PKL) \
			--source xview$${vh%:*}_train --holdout "_v0$${vh#*:}$$" \
			|| exit 1; \
	done

penn-test: penn-data
	$(PY) tools/test.py configs/posec3d/penn_action_keypoint.py $(PENN_CKPT)

penn-train: penn-data
	$(PY) tools/train.py configs/posec3d/penn_action_keypoint.py

# Penn Action rendered as video (RGB + pose benchmark, NOT real footage):
# 2326 mp4s of 128x128 + data/penn_action_rgb/annotations.pkl; resumable
# (rerun after a crash keeps the finished videos). configs/rgbpose_conv3d/.
PENN_RGB_DIR ?= data/penn_action_rgb
RENDER_WORKERS ?= $(shell nproc)

penn-rgb-data: penn-data
	$(PY) tools/data/render_pose_videos.py data/penn_action/penn_action.pkl \
		$(PENN_RGB_DIR) --size 128 --layout penn13 --workers $(RENDER_WORKERS)

# Optical flow of the rendered videos (DIS, TSN quantisation, bound 20):
# $(PENN_RGB_DIR)/flow/<frame_dir>/flow_{x,y}_00001.jpg ... + annotations.pkl
# for configs/_base_/datasets/penn_action_rendered/flow.py; resumable.
.PHONY: penn-flow-data
penn-flow-data: penn-rgb-data
	$(PY) tools/data/extract_flow.py $(PENN_RGB_DIR) $(PENN_RGB_DIR)/flow \
		--ann $(PENN_RGB_DIR)/annotations.pkl --algo dis --workers 2

# RGBPoseConv3D on the rendered videos, the paper's three stages on 2 CPU
# processes (gloo): RGB-only, Pose-only, merge, dual-pathway fine-tune, test.
# penn-rgbpose-test re-evaluates the committed model on the rendered test split.
RGBPOSE = configs/rgbpose_conv3d/penn_action_rendered
RGBPOSE_CKPT = $(lastword $(sort $(wildcard $(RGBPOSE)/penn_action_rendered_*.pth)))
NPROC ?= 2

penn-rgbpose-train: penn-rgb-data
	OMP_NUM_THREADS=1 bash tools/dist_train.sh $(RGBPOSE)_rgb_only.py $(NPROC)
	OMP_NUM_THREADS=1 bash tools/dist_train.sh $(RGBPOSE)_pose_only.py $(NPROC)
	$(PY) tools/merge_rgbpose_checkpoints.py \
		work_dirs/penn_action_rendered_rgb_only/epoch_40.pth \
		work_dirs/penn_action_rendered_pose_only/epoch_40.pth \
		work_dirs/rgbpose_conv3d_penn_action_rendered_init.pth --config $(RGBPOSE).py
	OMP_NUM_THREADS=1 bash tools/dist_train.sh $(RGBPOSE).py $(NPROC)
	OMP_NUM_THREADS=1 bash tools/dist_test.sh $(RGBPOSE).py \
		work_dirs/penn_action_rendered/epoch_10.pth $(NPROC) \
		--dump work_dirs/penn_action_rendered/test.pkl
	$(PY) tools/fuse_scores.py work_dirs/penn_action_rendered/test.pkl:rgb \
		work_dirs/penn_action_rendered/test.pkl:pose

penn-rgbpose-test: penn-rgb-data
	OMP_NUM_THREADS=1 bash tools/dist_test.sh $(RGBPOSE).py $(RGBPOSE_CKPT) $(NPROC) \
		--work-dir work_dirs/penn_action_rendered_shipped \
		--dump work_dirs/penn_action_rendered_shipped/test.pkl

# Action Machine on the rendered videos: stage 1 (I3D + RGB head + pose
# branch; 30 epochs, then 30 more as a warm restart), stage 2 (48 epochs,
# stage 1 fixed; the pose-image CNN), test (each head, the sum, the pose
# branch's PCK).
# configs/action_machine/README.md.
AM = configs/action_machine/action_machine_penn_action_rendered

penn-am-train: penn-rgb-data
	OMP_NUM_THREADS=1 bash tools/dist_train.sh $(AM)_kps_rgb.py $(NPROC)
	OMP_NUM_THREADS=1 bash tools/dist_train.sh $(AM)_kps_rgb_more.py $(NPROC)
	OMP_NUM_THREADS=1 bash tools/dist_train.sh $(AM)_48e.py $(NPROC)
	OMP_NUM_THREADS=1 bash tools/dist_test.sh $(AM)_48e.py \
		work_dirs/action_machine_penn_action_rendered_48e/epoch_48.pth \
		$(NPROC) --dump work_dirs/action_machine_penn_action_rendered_48e/test.pkl

# Re-evaluate the committed Action Machine (both stages) on the rendered test
# split: each head, their sum and the pose branch's PCK (~4 min on 2 cores).
AM_CKPT = $(lastword $(sort $(wildcard configs/action_machine/penn_action_rendered/action_machine_penn_action_rendered_*.pth)))
penn-am-test: penn-rgb-data
	OMP_NUM_THREADS=1 bash tools/dist_test.sh $(AM)_48e.py $(AM_CKPT) $(NPROC) \
		--dump work_dirs/action_machine_penn_action_rendered_shipped/test.pkl

# PAS-Net twice-finetune on the rendered videos: the pose stream pre-trained
# on the rendered frames' ground-truth joints, stage 1 (ECO), the stage-2
# initialisation, stage 2 (A + 0.5 pool(I) + pool(F)), then the fusion
# comparison (sum, product, conv), each tested. configs/pasnet/README.md.
PAS = configs/pasnet
PAS_FUSIONS = pasnet_penn_action_rendered \
	pasnet_penn_action_rendered_fusion_a_plus_pool_i \
	pasnet_penn_action_rendered_fusion_a_plus_e_a \
	pasnet_penn_action_rendered_fusion_conv_a_i_f

penn-pasnet-train: penn-rgb-data
	OMP_NUM_THREADS=1 bash tools/dist_train.sh \
		$(PAS)/openpose_penn_action_rendered_pretrain.py $(NPROC)
	OMP_NUM_THREADS=1 bash tools/dist_train.sh $(PAS)/eco_penn_action_rendered.py $(NPROC)
	OMP_NUM_THREADS=1 bash tools/dist_test.sh $(PAS)/eco_penn_action_rendered.py \
		work_dirs/eco_penn_action_rendered/epoch_30.pth $(NPROC) \
		--dump work_dirs/eco_penn_action_rendered/test.pkl
	$(PY) tools/merge_pasnet_checkpoints.py \
		work_dirs/eco_penn_action_rendered/epoch_30.pth \
		work_dirs/openpose_penn_action_rendered_pretrain/epoch_10.pth \
		work_dirs/eco_penn_action_rendered/pasnet_init.pth \
		--config $(PAS)/pasnet_penn_action_rendered.py
	for c in $(PAS_FUSIONS); do \
		OMP_NUM_THREADS=1 bash tools/dist_train.sh $(PAS)/$$c.py $(NPROC) || exit 1; \
		OMP_NUM_THREADS=1 bash tools/dist_test.sh $(PAS)/$$c.py \
			work_dirs/$$c/epoch_6.pth $(NPROC) --dump work_dirs/$$c/test.pkl || exit 1; \
	done

clean:
	rm -rf work_dirs .pytest_cache
