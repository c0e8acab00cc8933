using MovinetExp.Reporting;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Reporting;

public class EnvironmentJsonTests
{
    internal static EnvironmentInfo Sample() => new()
    {
        ToolVersion = "0.1.0",
        TorchSharpVersion = "0.107.0",
        LibTorchVersion = "2.10.0",
        DotnetVersion = HostInfo.DotnetVersion,
        Os = HostInfo.Os,
        CpuModel = HostInfo.CpuModel(),
        LogicalCores = HostInfo.LogicalCores,
        Device = "cpu",
        Threads = 2,
        Seed = 42,
        CheckpointSha256 = new string('a', 64),
        DataFileListSha256 = new string('b', 64),
        DataManifestHash = null,
        CommandLine = "dotnet movinet run experiments/ucf10.yaml --set train.epochs=3",
        StartedUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        FinishedUtc = new DateTime(2026, 1, 2, 4, 0, 0, DateTimeKind.Utc),
        TimingsSeconds = new Dictionary<string, double> { ["training"] = 3300.5, ["evaluation"] = 60 },
    };

    [Fact]
    public void WriteRead_RoundTrips_WithSnakeCaseNames()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("env"), "environment.json");
        EnvironmentInfo info = Sample();
        EnvironmentJson.Write(path, info);

        string text = File.ReadAllText(path);
        Assert.Contains("\"torch_sharp_version\": \"0.107.0\"", text);
        Assert.Contains("\"data_file_list_sha256\"", text);
        Assert.Contains("\"training\": 3300.5", text);
        EnvironmentInfo back = EnvironmentJson.Read(path);
        Assert.Equal(info with { TimingsSeconds = back.TimingsSeconds }, back);
        Assert.Equal(info.TimingsSeconds, back.TimingsSeconds);
    }

    [Fact]
    public void CpuModel_IsTheFirstModelNameLine()
    {
        const string cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: other\n";
        Assert.Equal("Intel(R) Xeon(R) CPU @ 2.20GHz", HostInfo.ParseCpuModel(cpuinfo));
        Assert.Null(HostInfo.ParseCpuModel("processor\t: 0\nmodel\t\t: 85\n"));
    }

    [Fact]
    public void CpuModel_OnThisMachine_IsReported()
    {
        Assert.False(string.IsNullOrWhiteSpace(HostInfo.CpuModel()));
        Assert.True(HostInfo.LogicalCores >= 1);
    }
}
