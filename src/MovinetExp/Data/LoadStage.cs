namespace MovinetExp.Data;

/// <summary>Where a clip loader's time goes, as <see cref="LoadProfile"/> records it.</summary>
public enum LoadStage
{
    /// <summary>A worker waiting for the consumer to leave LibTorch (<c>NativeCallGate</c>) before it may allocate.</summary>
    GateWait,

    /// <summary>Resolving a video's decodable length (a packet count the first time a file is seen).</summary>
    Length,

    /// <summary>Opening a video for decoding (container checks, FFmpeg open).</summary>
    Open,

    /// <summary>Moving to the first wanted frame (a seek, where the cursor can seek exactly).</summary>
    Seek,

    /// <summary>Advancing one frame: an FFmpeg decode without colour conversion, or a Motion-JPEG packet read.</summary>
    Grab,

    /// <summary>Turning a wanted frame into 8-bit BGR: FFmpeg's colour conversion, or a JPEG decode.</summary>
    Retrieve,

    /// <summary>Fitting a BGR frame into the clip: float scaling, resize, RGB order, padding.</summary>
    Convert,

    /// <summary>Reading or writing the decoded-clip cache.</summary>
    Cache,

    /// <summary>Copying a batch's clips into one array.</summary>
    Assemble,

    /// <summary>A worker's whole load of one video (every stage above but the gate), for worker utilisation.</summary>
    Worker,
}
