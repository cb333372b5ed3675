# Penn Action (Zhang et al., ICCV 2013) for PA3D: 15 classes, official split
# (train 1258 / test 1068), ground-truth Penn-13 joints:
#   python tools/data/penn_action/convert.py  ->  data/penn_action/
# PA3D modalities rendered per sampled frame from the joints (PA3D uses
# OpenPose maps; see configs/pa3d/README.md): `<split>_pipelines[modality]`
# with modality in joint | paf | jdiff | pdiff (single stream, `imgs`) or
# joint_paf_jdiff (the three inputs of the J ∪ P ∪ Jdiff fusion model).
# Clips of T consecutive sampled frames (PA3D §4), person-centred 32x32 maps.
_base_ = ['../skeletons/penn13.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/penn_action/penn_action.pkl'
num_classes = 15
clip_len = 8  # T
frame_interval = 4
num_test_clips = 10
paf_channels = 28  # 2 x 14 Penn-13 limbs
heatmap_size = 32
batch_size = 16
num_workers = 2
# ---------------------------------------------------

_sample = dict(type='SampleFrames', clip_len=clip_len,
               frame_interval=frame_interval)
_crop = [
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(heatmap_size, heatmap_size), keep_ratio=False)
]
_heads = dict(
    train=[dict(_sample, num_clips=1)] + _crop + [
        dict(type='Flip', flip_ratio=0.5, left_kp=_base_.left_kp,
             right_kp=_base_.right_kp)
    ],
    val=[dict(_sample, num_clips=1, test_mode=True)] + _crop,
    test=[dict(_sample, num_clips=num_test_clips, test_mode=True)] + _crop)
_joint = dict(type='GeneratePoseTarget', sigma=0.6, use_score=True,
              with_kp=True, with_limb=False)
_paf = dict(type='GeneratePartAffinityFields', layout='penn13', limb_width=1.)
_tail = [
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
_fusion_keys = ('imgs', 'paf_imgs', 'jdiff_imgs')
_bodies = dict(
    joint=[_joint] + _tail,
    paf=[_paf] + _tail,
    jdiff=[_joint, dict(type='PoseTemporalDifference')] + _tail,
    pdiff=[_paf, dict(type='PoseTemporalDifference')] + _tail,
    joint_paf_jdiff=[
        _joint,
        dict(_paf, out_key='paf_imgs'),
        dict(type='PoseTemporalDifference', out_key='jdiff_imgs'),
        dict(type='FormatPoseModalities', keys=_fusion_keys),
        dict(type='PackActionInputs', collect_keys=_fusion_keys)
    ])
train_pipelines = {k: _heads['train'] + v for k, v in _bodies.items()}
val_pipelines = {k: _heads['val'] + v for k, v in _bodies.items()}
test_pipelines = {k: _heads['test'] + v for k, v in _bodies.items()}
del _sample, _crop, _heads, _joint, _paf, _tail, _fusion_keys, _bodies

train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(
        type=dataset_type, ann_file=ann_file, split='train',
        pipeline=train_pipelines['joint']))
val_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type, ann_file=ann_file, split='test',
        pipeline=val_pipelines['joint'], test_mode=True))
test_dataloader = dict(
    batch_size=4,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type, ann_file=ann_file, split='test',
        pipeline=test_pipelines['joint'], test_mode=True))

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator
