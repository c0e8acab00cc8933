using System.Net.Http.Headers;

namespace MovinetExp.IO.Downloads;

/// <summary>Reads the Content-Range header of a 206/416 answer: "bytes first-last/total" or "bytes */total".</summary>
internal static class ContentRange
{
    public static (long? First, long? Last, long? Total) Of(HttpResponseMessage response)
    {
        ContentRangeHeaderValue? range = response.Content.Headers.ContentRange;
        return range is null ? (null, null, null) : (range.From, range.To, range.Length);
    }
}
