# Rendered Penn Action (see common.py; NOT real footage) for PAS-Net / ECO:
# K = 8 frames, one per equal segment (TSN: random in training, the
# centres at test), the whole 128x128 frame resized to 110x110, a
# multi-scale crop resized to 96x96 (the CPU size of 256x340 -> 224) and
# mirroring; test: the centre 96 crop. 0-255 RGB: the backbone normalises
# each stream itself.
_base_ = ['./rgb.py']  # its data and dataloaders; our pipelines

num_frames = 8
crop_size = 96

_build = __import__('mmaction_pose.datasets.pasnet_pipeline',
                    fromlist=['*']).pasnet_pipeline
train_pipeline = _build(False, num_frames, crop_size, (110, 110))
val_pipeline = test_pipeline = _build(True, num_frames, crop_size,
                                      (110, 110))
del _build

train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(batch_size=_base_.batch_size,
                       dataset=dict(pipeline=test_pipeline))
