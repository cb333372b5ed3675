# Penn Action 13-joint index lists, read from the single source of truth
# (mmaction_pose/structures/skeleton_layouts.py).
# (`__import__`, not an import statement: mmengine would treat the file as a
# lazy-import config.)
layout = 'penn13'
_lists = __import__('mmaction_pose.structures.skeleton_layouts',
                    fromlist=['*']).layout_lists('penn13')
num_joints = _lists['num_joints']  # 13
left_kp = _lists['left_kp']
right_kp = _lists['right_kp']
skeletons = _lists['skeletons']
left_limb = _lists['left_limb']
right_limb = _lists['right_limb']
part_index = _lists['part_index']  # RPAN's 5 body parts
# mmaction2 GCN graph (mmaction_pose/structures/gcn_layouts.py)
gcn_graph = __import__('mmaction_pose.structures.gcn_layouts',
                       fromlist=['*']).gcn_layout('penn13')  # head
del _lists
