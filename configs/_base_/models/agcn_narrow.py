# 2s-AGCN sized for a 2-core CPU (our Penn Action and N-UCLA configs): 16
# base channels and 6 stages (channels x2 and time /2 at stages 3 and 5)
# instead of 64 and 10. One person per clip (both datasets are
# single-person; the MVC data BN is sized by num_person).
# Input (N, 1, 100, V, 3) -> backbone (N, 1, 64, 25, V).
_base_ = ['./agcn.py']

model = dict(
    backbone=dict(base_channels=16, num_stages=6, inflate_stages=[3, 5],
                  down_stages=[3, 5], num_person=1),
    cls_head=dict(in_channels=64))
