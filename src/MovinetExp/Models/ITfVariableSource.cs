namespace MovinetExp.Models;

/// <summary>A module that can list its variables under a TF object path.</summary>
internal interface ITfVariableSource
{
    void CollectTfVariables(string path, TfVariableCollector collector);
}
