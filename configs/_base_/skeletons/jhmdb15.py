# JHMDB 15-joint index lists, read from the single source of truth
# (mmaction_pose/structures/skeleton_layouts.py).
# (`__import__`, not an import statement: mmengine would treat the file as a
# lazy-import config.)
layout = 'jhmdb15'
_lists = __import__('mmaction_pose.structures.skeleton_layouts',
                    fromlist=['*']).layout_lists('jhmdb15')
num_joints = _lists['num_joints']  # 15
left_kp = _lists['left_kp']
right_kp = _lists['right_kp']
skeletons = _lists['skeletons']
left_limb = _lists['left_limb']
right_limb = _lists['right_limb']
part_index = _lists['part_index']  # RPAN's 5 body parts
# mmaction2 GCN graph (mmaction_pose/structures/gcn_layouts.py)
gcn_graph = __import__('mmaction_pose.structures.gcn_layouts',
                       fromlist=['*']).gcn_layout('jhmdb15')  # neck
del _lists
