// dotnet run --project examples/DeployOnnx -- model.onnx video.mp4
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: DeployOnnx MODEL.onnx VIDEO");
    return 2;
}
TopFive.Print(args[0], args[1], Console.Out);
return 0;
