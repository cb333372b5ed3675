# Kinect v1 20-joint index lists (N-UCLA), read from the single source of
# truth (mmaction_pose/structures/skeleton_layouts.py), and the layout as an
# mmaction2 GCN graph (mmaction_pose/structures/gcn_layouts.py).
# (`__import__`, not an import statement: mmengine would treat the file as a
# lazy-import config.)
_structures = __import__('mmaction_pose.structures', fromlist=['*'])
_lists = _structures.layout_lists('kinect20')
layout = 'kinect20'
num_joints = _lists['num_joints']  # 20
left_kp = _lists['left_kp']
right_kp = _lists['right_kp']
skeletons = _lists['skeletons']  # the 19 Kinect v1 bones
left_limb = _lists['left_limb']
right_limb = _lists['right_limb']
part_index = _lists['part_index']  # RPAN's 5 body parts
gcn_graph = _structures.gcn_layout('kinect20')  # centre: shoulder_center
del _structures, _lists
