# HMDB51 (Kuehne et al., ICCV 2011) for PA3D: 51 classes, 6766 clips, 3 splits
# (PoseDataset split keys train1/test1 ... train3/test3; split 1 here, the
# others via --cfg-options, see configs/pa3d/README.md).
#   data/skeleton/hmdb51_2d.pkl   COCO-17 HRNet 2D poses, from mmaction2:
#     wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/hmdb51_2d.pkl -P data/skeleton/
#   data/hmdb51/pa3d_features/    tools/data/pa3d/extract_pose_features.py
# `<split>_pipelines[modality]`, modality in joint | paf | feature | jdiff |
# pdiff | fdiff (one stream, `imgs`) or joint_paf (J ⊕ P / J ∪ P models).
# PA3D §4: clips of T consecutive frames, 10 clips at test, full frames.
_base_ = ['../skeletons/coco17.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/skeleton/hmdb51_2d.pkl'
feature_prefix = 'data/hmdb51/pa3d_features'
num_classes = 51
clip_len = 8  # T (PA3D §4.1: "T = 4/8 ... for JHMDB/HMDB")
frame_interval = 1
num_test_clips = 10
paf_channels = 34  # 2 x 17 COCO-17 limbs (OpenPose: 38)
feature_channels = 32  # default extractor HRNet-W32 (OpenPose: 128)
heatmap_size = (60, 80)  # (H, W): 1/4 of the 240x320 frames
batch_size = 64
num_workers = 4
# ---------------------------------------------------

_sample = dict(type='SampleFrames', clip_len=clip_len,
               frame_interval=frame_interval)
_decode = [
    dict(type='PoseDecode'),
    dict(type='Resize', scale=heatmap_size[::-1], keep_ratio=False)
]
_samplers = dict(
    train=dict(_sample, num_clips=1),
    val=dict(_sample, num_clips=1, test_mode=True),
    test=dict(_sample, num_clips=num_test_clips, test_mode=True))
_joint = dict(type='GeneratePoseTarget', sigma=1.0, use_score=True,
              with_kp=True, with_limb=False)
_paf = dict(type='GeneratePartAffinityFields', layout='coco17',
            limb_width=1.0, use_score=True)
_feature = dict(type='LoadPoseFeatureMaps', data_prefix=feature_prefix)
_diff = dict(type='PoseTemporalDifference')
_tail = [
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
_multi_keys = ('imgs', 'paf_imgs')
_bodies = dict(
    joint=_decode + [_joint] + _tail,
    paf=_decode + [_paf] + _tail,
    feature=[_feature] + _tail,
    jdiff=_decode + [_joint, _diff] + _tail,
    pdiff=_decode + [_paf, _diff] + _tail,
    fdiff=[_feature, _diff] + _tail,
    joint_paf=_decode + [
        _joint,
        dict(_paf, out_key='paf_imgs'),
        dict(type='FormatPoseModalities', keys=_multi_keys),
        dict(type='PackActionInputs', collect_keys=_multi_keys)
    ])
train_pipelines = {k: [_samplers['train']] + v for k, v in _bodies.items()}
val_pipelines = {k: [_samplers['val']] + v for k, v in _bodies.items()}
test_pipelines = {k: [_samplers['test']] + v for k, v in _bodies.items()}
del _sample, _decode, _samplers, _joint, _paf, _feature, _diff, _tail
del _multi_keys, _bodies

train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(
        type=dataset_type, ann_file=ann_file, split='train1',
        pipeline=train_pipelines['joint']))
val_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type, ann_file=ann_file, split='test1',
        pipeline=val_pipelines['joint'], test_mode=True))
test_dataloader = dict(
    batch_size=1,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type, ann_file=ann_file, split='test1',
        pipeline=test_pipelines['joint'], test_mode=True))

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator
