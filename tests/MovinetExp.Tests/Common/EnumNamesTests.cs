using System.Reflection;
using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Synthetic;
using MovinetExp.Data.Video;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Specs;
using MovinetExp.Training;

namespace MovinetExp.Tests.Common;

public class EnumNamesTests
{
    [Theory]
    [InlineData("a0", true, ModelId.A0)]
    [InlineData("a5", true, ModelId.A5)]
    [InlineData("A3", false, default(ModelId))] // YAML spelling only: snake_case, case-sensitive
    [InlineData("3", false, default(ModelId))] // Enum.TryParse would take this as the member with value 3
    [InlineData("a9", false, default(ModelId))]
    [InlineData("", false, default(ModelId))]
    public void TryParseAcceptsExactlyTheYamlSpellings(string text, bool known, ModelId expected)
    {
        Assert.Equal(known, EnumNames.TryParse<ModelId>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void MultiWordMembersAreSnakeCase()
    {
        Assert.True(EnumNames.TryParse<FreezeMode>("from_block", out var mode));
        Assert.Equal(FreezeMode.FromBlock, mode);
        Assert.False(EnumNames.TryParse<FreezeMode>("FromBlock", out _));
    }

    [Fact]
    public void AnExceptionIsTheOnlySpellingOfItsMember()
    {
        Assert.Equal("deterministic", EnumNames.Of(ClipStart.Centre));
        Assert.True(EnumNames.TryParse<ClipStart>("deterministic", out var start));
        Assert.Equal(ClipStart.Centre, start);
        Assert.False(EnumNames.TryParse<ClipStart>("centre", out _));
    }

    /// <summary>
    /// The words specs, JSON output and stored files already hold (the YAML values of issue 16's
    /// enums, the synthetic class folders, the bench's stage names): renaming a member must not change them.
    /// </summary>
    [Theory]
    [InlineData(ClipStart.Random, "random")]
    [InlineData(ClipStart.Centre, "deterministic")]
    [InlineData(BadVideoPolicy.Skip, "skip")]
    [InlineData(BadVideoPolicy.Fail, "fail")]
    [InlineData(CheckpointLoadMode.Auto, "auto")]
    [InlineData(CheckpointLoadMode.Full, "full")]
    [InlineData(CheckpointLoadMode.Backbone, "backbone")]
    [InlineData(HardSigmoidKind.Keras, "keras")]
    [InlineData(HardSigmoidKind.Relu6, "relu6")]
    [InlineData(MovinetVariant.Base, "base")]
    [InlineData(MovinetVariant.Stream, "stream")]
    [InlineData(ResizeMode.Pad, "pad")]
    [InlineData(ResizeMode.Crop, "crop")]
    [InlineData(DeviceKind.Cuda, "cuda")]
    [InlineData(OptimizerKind.Adamw, "adamw")]
    [InlineData(LoadStage.GateWait, "gate_wait")]
    [InlineData(MotionKind.MoveLeft, "move_left")]
    [InlineData(MotionKind.RotateClockwise, "rotate_cw")]
    [InlineData(MotionKind.RotateAnticlockwise, "rotate_ccw")]
    public void StoredSpellingsStay(object member, string expected) => Assert.Equal(expected, EnumNames.Of((Enum)member));

    [Fact]
    public void TheSpecListsItsChoicesInTheirOldOrder()
    {
        // The schema's enum lists and the "expected one of" hints follow declaration order.
        Assert.Equal(["skip", "fail"], EnumNames.AllOf<BadVideoPolicy>());
        Assert.Equal(["auto", "full", "backbone"], EnumNames.AllOf<CheckpointLoadMode>());
        Assert.Equal(["random", "deterministic"], EnumNames.AllOf<ClipStart>());
    }

    [Fact]
    public void TheExceptionsToSnakeCaseAreExactlyThese()
    {
        // The one table of spellings that cannot be derived from the code. Each is part of a stored format: a new
        // entry needs a reason it cannot be the member's snake_case, a changed one breaks existing specs and folders.
        var expected = new Dictionary<Enum, string>
        {
            [ClipStart.Centre] = "deterministic",
            [MotionKind.RotateClockwise] = "rotate_cw",
            [MotionKind.RotateAnticlockwise] = "rotate_ccw",
        };
        var marked = typeof(EnumNames).Assembly.GetTypes().Where(t => t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.GetCustomAttribute<EnumNameAttribute>() != null)
            .ToDictionary(f => (Enum)f.GetValue(null)!, f => f.GetCustomAttribute<EnumNameAttribute>()!.Name);

        Assert.Equal(expected.OrderBy(e => e.Value), marked.OrderBy(e => e.Value));
        foreach (var (member, name) in expected) Assert.Equal(name, EnumNames.Of(member));
    }

    [Fact]
    public void EveryEnumOfTheToolSpellsEachMemberDifferently()
    {
        // Otherwise TryParse could not tell two members apart, e.g. after an exception collided with a snake_case name.
        var enums = typeof(EnumNames).Assembly.GetTypes().Where(t => t.IsEnum).ToList();
        Assert.NotEmpty(enums);
        foreach (Type type in enums)
        {
            var names = EnumNames.AllOf(type);
            Assert.True(names.Distinct().Count() == names.Count, $"{type}: {string.Join(", ", names)}");
        }
    }
}
