# PoseConv3D limb heatmaps (paper Eq. 2): ./keypoint.py with GeneratePoseTarget
# drawing one channel per limb of `skeletons` (COCO-17, in the order of
# mmaction2's `slowonly_r50_8xb16-u48-240e_ntu60-xsub-limb.py`) instead of one
# per joint; the flipped test view swaps left and right limbs. Only the
# renderer (the third step from the end) differs from the keypoint recipe.
_base_ = ['./keypoint.py']

train_pipeline, val_pipeline = ([
    *p[:-3],
    dict(p[-3], with_kp=False, with_limb=True, skeletons=_base_.skeletons),
    *p[-2:]
] for p in (_base_.train_pipeline, _base_.val_pipeline))
test_pipeline = [
    *_base_.test_pipeline[:-3],
    dict(val_pipeline[-3], double=True, left_limb=_base_.left_limb,
         right_limb=_base_.right_limb),
    *_base_.test_pipeline[-2:]
]
train_dataloader = dict(dataset=dict(dataset=dict(pipeline=train_pipeline)))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
