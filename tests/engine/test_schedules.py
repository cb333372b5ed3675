# Copyright (c) mmaction-pose. All rights reserved.
"""warmup_cosine: the schedule dicts (the configs that use it resolve to
the blocks they replaced: checked when they were rewritten)."""
import pytest

from mmaction_pose.engine.schedules import warmup_cosine


def test_dicts():
    warm, cos = warmup_cosine(10)
    assert warm == dict(type='LinearLR', start_factor=0.1, by_epoch=True,
                        begin=0, end=1, convert_to_iter_based=True)
    assert cos['T_max'] == 9 and (cos['begin'], cos['end']) == (1, 10)
    with pytest.raises(ValueError, match='warmup_epochs=3'):
        warmup_cosine(3, warmup_epochs=3)
