using System.Text.Json.Nodes;
using MovinetExp.Specs;
using YamlDotNet.RepresentationModel;

namespace MovinetExp.Tests.Specs;

public class SpecSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(SpecSchema.Generate())!.AsObject();

    private static JsonObject Property(params string[] path)
    {
        JsonObject node = Schema;
        foreach (string key in path) node = node["properties"]![key]!.AsObject();
        return node;
    }

    [Fact]
    public void CommittedSchemaFileIsUpToDate()
    {
        string generated = SpecSchema.Generate();
        if (Environment.GetEnvironmentVariable("MOVINET_UPDATE_SCHEMA") == "1") File.WriteAllText(RepoFiles.SchemaFile, generated);
        string committed = File.Exists(RepoFiles.SchemaFile) ? File.ReadAllText(RepoFiles.SchemaFile) : "";
        Assert.True(committed == generated,
            $"{RepoFiles.SchemaFile} is stale or missing (the spec classes changed). Regenerate it with\n" +
            "  MOVINET_UPDATE_SCHEMA=1 dotnet test tests/MovinetExp.Tests --filter FullyQualifiedName~SpecSchemaTests\n" +
            "and commit the file.");
    }

    [Fact]
    public void SchemaStatesTheDocumentedRules()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)Schema["$schema"]);
        Assert.Equal("[\"name\"]", Schema["required"]!.ToJsonString());
        Assert.False((bool)Schema["additionalProperties"]!);
        Assert.Equal("[\"source\"]", Property("data")["required"]!.ToJsonString());
        Assert.Equal("[\"ucf101\",\"folder\",\"list\",\"synthetic\"]", Property("data", "source")["enum"]!.ToJsonString());
        Assert.Equal((1, 512, 8), ((int)Property("data", "frames")["minimum"]!, (int)Property("data", "frames")["maximum"]!, (int)Property("data", "frames")["default"]!));
        Assert.Equal(0.001, (double)Property("train", "lr")["default"]!);
        Assert.Equal(0, (int)Property("train", "lr")["exclusiveMinimum"]!);
        Assert.Null(Property("train", "lr")["minimum"]);
        Assert.Equal("[\"adam\",\"adamw\",\"sgd\",\"rmsprop\"]", Property("train", "optimizer")["enum"]!.ToJsonString());
        Assert.Equal("[\"integer\",\"null\"]", Property("model", "freeze_until_block")["type"]!.ToJsonString());
        Assert.Equal("[\"backbone\",\"none\",\"from_block\"]", Property("model", "freeze")["enum"]!.ToJsonString());
        Assert.Equal(1, (int)Property("expect", "top5_accuracy")["maximum"]!);
        Assert.Equal(2, Property("data", "classes")["oneOf"]!.AsArray().Count);
        Assert.All(Schema["properties"]!.AsObject(), p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["description"])));
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string file in RepoFiles.ExampleSpecs()) data.Add(Path.GetRelativePath(RepoFiles.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleSpecsConformToTheSchemaAndLoad(string relativePath)
    {
        string file = Path.Combine(RepoFiles.Root, relativePath);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(file)));
        Assert.Empty(SchemaConformance.Check(Schema, yaml.Documents[0].RootNode));
        SpecLoader.Load(file);
    }

    [Fact]
    public void OwnExamplesExist() => Assert.True(Directory.EnumerateFiles(RepoFiles.Examples, "*.yaml").Count() >= 2);

    [Fact]
    public void TheSchemaCheckCatchesWhatTheLoaderRejects()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader("name: bad run\ndata:\n  source: ftp\n  framez: 8\n  frames: 0\ntrain: {lr: 0}\n"));
        var problems = SchemaConformance.Check(Schema, yaml.Documents[0].RootNode);
        Assert.Equal(new[]
        {
            "data.source: 'ftp' is not one of [\"ucf101\",\"folder\",\"list\",\"synthetic\"]",
            "data.framez: not a property of the schema",
            "data.frames: 0 < minimum 1",
            "train.lr: 0 <= exclusiveMinimum 0",
        }, problems);
    }
}
