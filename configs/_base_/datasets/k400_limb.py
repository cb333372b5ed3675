# Kinetics-400 (compressed skeletons) with limb heatmaps. mmaction2 ships no
# K400 limb config; this is its keypoint recipe (./k400_keypoint.py) with the
# renderer of ./posec3d/limb.py (pyskl trains K400 limb models the same way).
_base_ = ['./k400_keypoint.py']

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
