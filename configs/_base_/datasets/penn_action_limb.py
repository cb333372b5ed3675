# Penn Action ground-truth poses as limb heatmaps (14 Penn-13 limbs, in
# `skeletons` order); everything else as in penn_action_keypoint.py: only the
# GeneratePoseTarget step ([-3]) of each pipeline changes.
_base_ = ['./penn_action_keypoint.py']

_limb = dict(with_kp=False, with_limb=True, skeletons=_base_.skeletons)
train_pipeline, val_pipeline = (
    [*p[:-3], dict(p[-3], **_limb), *p[-2:]]
    for p in (_base_.train_pipeline, _base_.val_pipeline))
test_pipeline = [
    *_base_.test_pipeline[:-3],
    dict(_base_.test_pipeline[-3], **_limb, left_limb=_base_.left_limb,
         right_limb=_base_.right_limb),
    *_base_.test_pipeline[-2:]
]
del _limb
train_dataloader = dict(dataset=dict(dataset=dict(pipeline=train_pipeline)))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
