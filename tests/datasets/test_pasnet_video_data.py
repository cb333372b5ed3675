"""The dataloader overrides of the PAS-Net / ECO paper leaves."""
import pytest

from mmaction_pose.datasets.pasnet_pipeline import (pasnet_pipeline,
                                                    pasnet_video_data)


def test_video_data_names_the_split_files_and_pipelines():
    data = pasnet_video_data('hmdb51', 2, 16)
    assert data['num_classes'] == 51
    train, val = data['train']['dataset'], data['val']['dataset']
    assert train['ann_file'] == 'data/hmdb51/hmdb51_train_split_2_videos.txt'
    assert val['ann_file'] == 'data/hmdb51/hmdb51_val_split_2_videos.txt'
    assert train['data_prefix'] == dict(video='data/hmdb51/videos')
    assert train['pipeline'] == pasnet_pipeline(False, 16)
    assert val['pipeline'] == pasnet_pipeline(True, 16)
    assert pasnet_video_data('ucf101', 1, 8)['num_classes'] == 101


@pytest.mark.parametrize('args, match', [
    (('kinetics', 1, 8), 'dataset must be one of'),
    (('ucf101', 4, 8), 'split must be 1, 2 or 3'),
    (('ucf101', 1, 10), 'multiple of 4'),
])
def test_video_data_rejects_unknown_values(args, match):
    with pytest.raises(ValueError, match=match):
        pasnet_video_data(*args)
