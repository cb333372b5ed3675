# The fusion comparison at CPU size on rendered Penn Action: sum,
# A + 1.5 pool(I)
# (mode 'A+pool(I)') instead of A + 0.5 pool(I) + pool(F); same stage-2 init.
_base_ = ['./pasnet_penn_action_rendered.py']

model = dict(backbone=dict(fusion=dict(mode='A+pool(I)')))
