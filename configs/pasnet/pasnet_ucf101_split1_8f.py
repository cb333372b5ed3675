# Twice-finetune stage 2 (PAS-Net Sec. III-C): PAS-Net with fusion
# A + 0.5 pool(I) + pool(F) on UCF101 split 1, K = 8 (Table II: 91.37 %),
# initialised from stage 1 (eco_ucf101_split1_8f.py) + OpenPose:
#   python tools/convert_checkpoint.py openpose_coco body_pose_model.pth \
#       work_dirs/pretrained/openpose_coco.pth
#   python tools/merge_pasnet_checkpoints.py \
#       work_dirs/eco_ucf101_split1_8f/epoch_80.pth \
#       work_dirs/pretrained/openpose_coco.pth \
#       work_dirs/eco_ucf101_split1_8f/pasnet_init.pth \
#       --config configs/pasnet/pasnet_ucf101_split1_8f.py
#   bash tools/dist_train.sh configs/pasnet/pasnet_ucf101_split1_8f.py 8
_base_ = [
    '../_base_/models/pasnet.py', '../_base_/datasets/pasnet_videos.py',
    '../_base_/schedules/pasnet_sgd_80e.py', '../_base_/default_runtime.py'
]

load_from = 'work_dirs/eco_ucf101_split1_8f/pasnet_init.pth'
