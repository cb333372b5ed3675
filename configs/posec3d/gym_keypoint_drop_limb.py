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
test_pipeline = [
    dict(type='UniformSampleFrames', clip_len=_base_.clip_len, num_clips=1,
         test_mode=True),
    dict(type='PoseDecode'),
    dict(type='RandomDropLimbKeypoint', p=0.5, seed=0),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(-1, 64)),
    dict(type='CenterCrop', crop_size=64),
    dict(type='GeneratePoseTarget', sigma=0.6, use_score=True, with_kp=True,
         with_limb=False),
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
