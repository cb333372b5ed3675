# Eq. 8 trained at once, L = L_rgb + L_pose + L_pose-action (all weights 1)
# on NTU RGB+D 60 cross-subject: the pose CNN sees the poses of the
# evolving pose branch (no gradient flows back through the argmax).
_base_ = ['./ntu60_xsub.py']

model = dict(mode='joint')
load_from = None
