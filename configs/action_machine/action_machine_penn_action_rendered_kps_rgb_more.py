# Action Machine stage 1, continued: 30 more epochs (1 warm-up epoch, then
# cosine, the same recipe) from the 30-epoch stage-1 model, i.e. 30 + 30
# epochs as a warm restart. The first 30 epochs' RGB loss had not plateaued
# (configs/action_machine/README.md); 60 epochs from scratch would be the
# same recipe at twice the wall time in one go.
#   bash tools/dist_train.sh configs/action_machine/\
#       action_machine_penn_action_rendered_kps_rgb_more.py 2
# load_from: the 30-epoch stage-1 run in its default work dir, or the
# second run's model (git show d54a4a2:configs/action_machine/
# penn_action_rendered/action_machine_penn_action_rendered_5dcd4105.pth),
# which holds the same stage-1 weights in fp16, as the third run did.
_base_ = ['./action_machine_penn_action_rendered_kps_rgb.py']

load_from = ('work_dirs/action_machine_penn_action_rendered_kps_rgb/'
             'epoch_30.pth')
