namespace MovinetExp; internal static class AssemblyMarker { }
