# Table I/II "Conv(A, I)" (90.44): pasnet_ucf101_split1_8f.py with
# fusion mode 'conv(A,I)' (twice-finetune, UCF101 split 1, K = 8).
_base_ = ['./pasnet_ucf101_split1_8f.py']

model = dict(backbone=dict(fusion=dict(mode='conv(A,I)')))
