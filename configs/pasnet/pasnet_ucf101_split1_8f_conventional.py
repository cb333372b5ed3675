# Table I "Conventional": pasnet_ucf101_split1_8f.py fine-tuned once, from
# the Kinetics ECO-Lite weights + OpenPose directly (no stage 1):
#   python tools/merge_pasnet_checkpoints.py \
#       work_dirs/pretrained/eco_lite_kinetics.pth \
#       work_dirs/pretrained/openpose_coco.pth \
#       work_dirs/pretrained/pasnet_conventional_init.pth
_base_ = ['./pasnet_ucf101_split1_8f.py']

load_from = 'work_dirs/pretrained/pasnet_conventional_init.pth'
