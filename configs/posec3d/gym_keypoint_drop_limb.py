# PoseConv3D robustness test (Duan et al., CVPR 2022, Table 7): FineGYM,
# Pose-SlowOnly-R50 trained with gym_keypoint.py, tested 1-clip (Table 7's
# p=0 entry, 92.4, is Table 6's 1-clip result) while one limb keypoint per
# frame is dropped with probability p (paper: 92.4/92.4/92.3/92.1/91.5 for
# p = 0, 1/8, 1/4, 1/2, 1). Set p with
#   --cfg-options test_dataloader.dataset.pipeline.2.p=0.25
# Dropped joints get zero coordinates and zero score (the paper does not say
# which); the corruption of each video is fixed by (seed, frame_dir).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/gym_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
# The 1-clip val pipeline with the corruption between PoseDecode and
# PoseCompact (so it also follows the dataset base's `_device` switch).
test_pipeline = [
    *_base_.val_pipeline[:2],  # UniformSampleFrames, PoseDecode
    dict(type='RandomDropLimbKeypoint', p=0.5, seed=0),
    *_base_.val_pipeline[2:]
]
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
