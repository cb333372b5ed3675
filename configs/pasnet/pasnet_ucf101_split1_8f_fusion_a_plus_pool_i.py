# Table II "A + 1.5 pool(I)" (91.15): pasnet_ucf101_split1_8f.py with
# fusion mode 'A+pool(I)' (twice-finetune, UCF101 split 1, K = 8).
_base_ = ['./pasnet_ucf101_split1_8f.py']

model = dict(backbone=dict(fusion=dict(mode='A+pool(I)')))
