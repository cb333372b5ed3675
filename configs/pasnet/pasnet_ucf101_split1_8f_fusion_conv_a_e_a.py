# Table II "Conv(A, E o A)" (90.81): pasnet_ucf101_split1_8f.py with
# fusion mode 'conv(A,E*A)' (twice-finetune, UCF101 split 1, K = 8).
_base_ = ['./pasnet_ucf101_split1_8f.py']

model = dict(backbone=dict(fusion=dict(mode='conv(A,E*A)')))
