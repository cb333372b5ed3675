# Rendered Penn Action (see common.py; NOT real footage) for the pre-training
# of PAS-Net's pose stream (OpenPoseVGG19) with OpenPose's targets: 4 frames
# of every video (clip_len 1, one per equal segment: random in training, the
# segment centres at test), the whole frame resized to 96x96 (the CPU input
# size: a 12x12 stride-8 output grid), mirroring that swaps the left/right
# joints BEFORE the targets (so the heatmap and PAF channels swap and the
# PAFs' x flips consistently), GenerateOpenPoseTargets (Gaussians of 7 px
# and the background 1 - max, PAFs of the 14 Penn limbs 8 px = 1 cell wide:
# OpenPose's values at stride 8; missing joints unsupervised) and the joints
# for kps_err and the PCK@0.2 (KeypointPCKMetric) of the argmax joints.
_base_ = ['./rpan_rgb.py']  # its data and dataloaders; our pipelines

num_frames = 4
frame_size = 96
openpose_target = dict(type='GenerateOpenPoseTargets', layout='penn13',
                       stride=8, sigma=7., limb_width=8.)
openpose_keys = ('openpose_heatmap', 'openpose_paf', 'openpose_heatmap_mask',
                 'openpose_paf_mask')
joint_keys = ('pose_keypoint', 'pose_mask')  # SelectTargetJoints

_decode = [
    dict(type='DecordDecode'),
    dict(type='PoseDecode'),  # keypoints of the sampled frames
    dict(type='Resize', scale=(frame_size, frame_size), keep_ratio=False),
]
train_pipeline = [
    dict(type='DecordInit'),
    dict(type='SampleFrames', clip_len=1, frame_interval=1,
         num_clips=num_frames),
    *_decode,
    dict(type='Flip', flip_ratio=0.5, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    openpose_target,
    dict(type='SelectTargetJoints'),
    dict(type='FormatShape', input_format='NCHW'),
    dict(type='PackActionInputs', algorithm_keys=openpose_keys + joint_keys)
]
val_pipeline = test_pipeline = [
    dict(type='DecordInit'),
    dict(type='SampleFrames', clip_len=1, frame_interval=1,
         num_clips=num_frames, test_mode=True),
    *_decode,
    dict(type='SelectTargetJoints'),
    dict(type='FormatShape', input_format='NCHW'),
    dict(type='PackActionInputs', algorithm_keys=joint_keys)
]
del _decode

train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))

val_evaluator = test_evaluator = [dict(type='KeypointPCKMetric', thr=0.2)]
