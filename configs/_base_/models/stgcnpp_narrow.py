# ST-GCN++ sized for a 2-core CPU (our Penn Action and N-UCLA configs): 16
# base channels and 6 stages (channels x2 and time /2 at stages 3 and 5)
# instead of 64 and 10: 64k instead of 1.4M parameters, ~4x less time per
# step on CPU. Input (N, M, 100, V, 3) -> backbone (N, M, 64, 25, V).
_base_ = ['./stgcnpp.py']

model = dict(
    backbone=dict(base_channels=16, num_stages=6, inflate_stages=[3, 5],
                  down_stages=[3, 5]),
    cls_head=dict(in_channels=64))
