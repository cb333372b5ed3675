# Table II "I" (57.44): pasnet_ucf101_split1_8f.py with
# fusion mode 'I' (twice-finetune, UCF101 split 1, K = 8).
_base_ = ['./pasnet_ucf101_split1_8f.py']

model = dict(backbone=dict(fusion=dict(mode='I')))
