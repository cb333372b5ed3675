# The fusion comparison at CPU size on rendered Penn Action: product,
# A + 1.5 E o A
# (mode 'A+E*A') instead of A + 0.5 pool(I) + pool(F); same stage-2 init.
_base_ = ['./pasnet_penn_action_rendered.py']

model = dict(backbone=dict(fusion=dict(mode='A+E*A')))
