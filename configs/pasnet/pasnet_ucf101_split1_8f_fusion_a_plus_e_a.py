# Table II "A + 1.5 E o A" (90.94): pasnet_ucf101_split1_8f.py with
# fusion mode 'A+E*A' (twice-finetune, UCF101 split 1, K = 8).
_base_ = ['./pasnet_ucf101_split1_8f.py']

model = dict(backbone=dict(fusion=dict(mode='A+E*A')))
