# Rendered Penn Action (see common.py) for RPAN's flow stream: flow.py's
# 8 segments x 5 stacked flow fields of the whole frame, plus the joints'
# Gaussian attention targets on the first field of each stack (the joints of
# that field's source frame).
_base_ = ['./flow.py']

_target = dict(_base_.rpan_target, clip_len=_base_.clip_len, anchor='first')
train_pipeline, val_pipeline = ([
    *p[:-1], dict(p[-1], algorithm_keys=_base_.rpan_keys)
] for p in ([*_base_.train_pipeline[:-2], _target,
             *_base_.train_pipeline[-2:]],
            [*_base_.val_pipeline[:-2], _target,
             *_base_.val_pipeline[-2:]]))
test_pipeline = val_pipeline
del _target
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = val_dataloader
val_evaluator = test_evaluator = _base_.rpan_evaluator
