# Twice-finetune stage 1 (PAS-Net Sec. III-C): plain ECO-Lite fine-tuned on
# UCF101 split 1 with K = 8 frames from the Kinetics ECO-Lite weights
# (Table I/II "A (baseline)": 90.20 %).
#   python tools/convert_checkpoint.py eco_lite \
#       ECO_Lite_rgb_model_Kinetics.pth.tar \
#       work_dirs/pretrained/eco_lite_kinetics.pth
#   bash tools/dist_train.sh configs/pasnet/eco_ucf101_split1_8f.py 8
_base_ = [
    '../_base_/models/pasnet_eco_lite.py',
    '../_base_/datasets/pasnet_videos.py',
    '../_base_/schedules/pasnet_sgd_80e.py', '../_base_/default_runtime.py'
]

load_from = 'work_dirs/pretrained/eco_lite_kinetics.pth'
