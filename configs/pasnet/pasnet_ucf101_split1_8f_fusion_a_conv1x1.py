# Table I "A + 1*1conv" (90.28): pasnet_ucf101_split1_8f.py with
# fusion mode 'A+conv1x1' (twice-finetune, UCF101 split 1, K = 8).
_base_ = ['./pasnet_ucf101_split1_8f.py']

model = dict(backbone=dict(fusion=dict(mode='A+conv1x1')))
