# COCO-17 index lists for mmaction2's Flip / GeneratePoseTarget, read from
# the single source of truth (mmaction_pose/structures/skeleton_layouts.py).
# (`__import__`, not an import statement: mmengine would treat the file as a
# lazy-import config.)
layout = 'coco17'
_lists = __import__('mmaction_pose.structures.skeleton_layouts',
                    fromlist=['*']).layout_lists('coco17')
num_joints = _lists['num_joints']  # 17
left_kp = _lists['left_kp']  # [1, 3, 5, ..., 15]
right_kp = _lists['right_kp']  # [2, 4, 6, ..., 16]
skeletons = _lists['skeletons']  # limb (joint pair) order of limb heatmaps
left_limb = _lists['left_limb']
right_limb = _lists['right_limb']
# mmaction2 GCN graph (mmaction_pose/structures/gcn_layouts.py)
gcn_graph = __import__('mmaction_pose.structures.gcn_layouts',
                       fromlist=['*']).gcn_layout('coco17')  # nose
del _lists
