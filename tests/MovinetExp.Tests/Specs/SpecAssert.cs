using System.Collections;
using MovinetExp.Data.Sources;
using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

/// <summary>Deep comparison of spec objects, property by property, naming the first difference.</summary>
internal static class SpecAssert
{
    public static void Equal(object expected, object actual, string path = "spec")
    {
        foreach (var property in expected.GetType().GetProperties())
        {
            object? e = property.GetValue(expected), a = property.GetValue(actual);
            string at = $"{path}.{property.Name}";
            if (e is null || a is null) Assert.True(e is null && a is null, $"{at}: {e} != {a}");
            else if (property.PropertyType.Namespace == typeof(ExperimentSpec).Namespace && property.PropertyType.IsClass && e is not ClassSelection and not SplitSize)
                Equal(e, a, at);
            else if (e is IEnumerable en and not string) Assert.True(en.Cast<object>().SequenceEqual(((IEnumerable)a).Cast<object>()), at);
            else Assert.True(e.Equals(a), $"{at}: {e} != {a}");
        }
    }
}
