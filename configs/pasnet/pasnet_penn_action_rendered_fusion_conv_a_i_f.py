# The fusion comparison at CPU size on rendered Penn Action: 1x1 conv of
# the concatenation
# (mode 'conv(A,I,F)') instead of A + 0.5 pool(I) + pool(F); same stage-2 init.
_base_ = ['./pasnet_penn_action_rendered.py']

model = dict(backbone=dict(fusion=dict(mode='conv(A,I,F)')))
