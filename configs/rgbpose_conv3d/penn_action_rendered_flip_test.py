# penn_action_rendered.py tested with 10 clips x 2 flips, the protocol of
# the pose-only model: the mirrored RGB frames and heatmaps (left/right
# joints swapped) are a second crop whose scores each head averages in.
#   bash tools/dist_test.sh \
#       configs/rgbpose_conv3d/penn_action_rendered_flip_test.py CKPT 2
_base_ = ['./penn_action_rendered.py']

test_dataloader = dict(dataset=dict(pipeline=_base_.flip_test_pipeline))
