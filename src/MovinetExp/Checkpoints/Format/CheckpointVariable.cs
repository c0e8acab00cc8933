namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// A tensor attribute of an object in a checkpoint's object graph, with the object's shortest path.
/// </summary>
/// <param name="NodeId">Object-graph node holding the attribute.</param>
/// <param name="ObjectPath">Shortest path from the root, escaped edge names joined by '/', e.g. <c>model/layer_with_weights-0/kernel</c>;
/// for legacy slot variables <c>&lt;variable path&gt;/.OPTIMIZER_SLOT/&lt;optimizer path&gt;/&lt;slot&gt;</c>.</param>
/// <param name="AttributeName">Usually <c>VARIABLE_VALUE</c>.</param>
/// <param name="FullName">The variable's TF graph name, e.g. <c>dense/kernel</c> or <c>Adam/dense/kernel/m</c>.</param>
/// <param name="CheckpointKey">Bundle key (or key prefix, for objects that save several tensors).</param>
/// <param name="IsOptimizerState">True for slot variables and everything reached through an <c>optimizer</c> edge.</param>
/// <param name="SlotOfNodeId">For a legacy slot variable: the node of the variable it belongs to.</param>
/// <param name="SlotName">For a legacy slot variable: the slot name (<c>m</c>, <c>v</c>, ...).</param>
public sealed record CheckpointVariable(
    int NodeId,
    string ObjectPath,
    string AttributeName,
    string FullName,
    string CheckpointKey,
    bool IsOptimizerState,
    int? SlotOfNodeId = null,
    string? SlotName = null);
