# UCF101 split 1 with limb heatmaps (no mmaction2 config): the UCF101
# keypoint fine-tuning base with the renderer of ./posec3d/limb.py, one
# channel per limb of `skeletons` and a limb-swapping flipped test view.
_base_ = ['./ucf101_split1_keypoint.py']

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
