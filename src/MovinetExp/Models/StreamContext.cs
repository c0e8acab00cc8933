namespace MovinetExp.Models;

/// <summary>
/// One streaming call: modules read the previous state and write the next one. A whole-clip forward
/// passes no context, which means the same as a zero initial state with nothing written back.
/// </summary>
internal sealed class StreamContext
{
    public StreamContext(StreamState previous, StreamState next)
    {
        Previous = previous;
        Next = next;
    }

    public StreamState Previous { get; }

    public StreamState Next { get; }
}
