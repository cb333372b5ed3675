# The attention-loss ablation of penn_action_rendered_rgb.py: lambda_pose = 0
# (the same per-joint, part-shared attention, learnt from the action loss
# alone; no joints used in training). Same data, schedule and seed.
#   bash tools/dist_train.sh \
#       configs/rpan/penn_action_rendered_rgb_no_pose_loss.py 2
_base_ = ['./penn_action_rendered_rgb.py']

model = dict(cls_head=dict(loss_pose=dict(loss_weight=0.)))
