#!/usr/bin/python3
"""Reference PyTorch timings of MoViNet A0, the yardstick for `dotnet movinet bench`.

Run with Debian's PyTorch (python3-torch 1.13.1), not a pip/pyenv one:
    /usr/bin/python3 bench/reference/movinet_torch_bench.py --threads 2 --repeats 5 --warmup 1
Prints one JSON object on stdout (progress goes to stderr). Measurements (see README.md):
    infer_224, infer_172  A0 base inference, batch 8, 8 frames -> clips/s
    train_frozen          frozen backbone (eval, no grad) + new 480-2048-10 head, Adam 1e-3,
                          batch 8, 8x224x224 -> clips/s
    train_full            all parameters trained (train mode), Adam 1e-3, batch 8, 8x172x172
                          -> clips/s
    stream_frame          A0 stream, batch 1, 172x172, one frame per call, 1 thread -> ms/frame
Each measurement reports median/min/max (and the samples) of its figure over the timed
repetitions, plus `cpu_seconds`: process CPU seconds of one timed repetition (one batch step, or
`--stream-frames` frames). Wall figures far below what cpu_seconds allows mean other processes held
the cores.
"""
import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

import torch
from torch import nn

import movinet_torch as m

BATCH = 8
FRAMES = 8
NEW_CLASSES = 10
LEARNING_RATE = 1e-3
EXPECTED_VALUES = {"a0_base": 3_126_071, "a0_stream": 3_765_983}
MEASUREMENTS = ("infer_224", "infer_172", "train_frozen", "train_full", "stream_frame")


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(step, warmup, repeats):
    """Runs step() warmup times untimed, then repeats times; returns (wall seconds, process CPU
    seconds) of each timed run. CPU seconds show how much of the wall time was spent waiting for
    cores taken by other processes on a shared machine."""
    for _ in range(warmup):
        step()
    wall, cpu = [], []
    for _ in range(repeats):
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        step()
        wall.append(time.perf_counter() - start_wall)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summary(values, unit, cpu_seconds, **details):
    return {"unit": unit, **stats(values), "samples": values, "cpu_seconds": stats(cpu_seconds), **details}


def clips_per_second(timings, **details):
    wall, cpu = timings
    return summary([BATCH / s for s in wall], "clips/s", cpu, batch=BATCH, **details)


def clip(size, seed):
    gen = torch.Generator().manual_seed(seed)
    return torch.rand((BATCH, 3, FRAMES, size, size), generator=gen)


def labels(seed):
    gen = torch.Generator().manual_seed(seed)
    return torch.randint(0, NEW_CLASSES, (BATCH,), generator=gen)


def measure_inference(size, args):
    model = m.MoViNetA0Base().eval()
    video = clip(size, seed=size)

    def step():
        with torch.inference_mode():
            model(video)

    return clips_per_second(timed(step, args.warmup, args.repeats), input=list(video.shape), threads=args.threads)


def measure_train_frozen(args):
    """TF tutorial recipe: backbone.trainable = False, fresh 10-class head, Adam 1e-3."""
    backbone = m.MoViNetA0Backbone().eval()
    for p in backbone.parameters():
        p.requires_grad_(False)
    head = m.ClassifierHead(m.A0_PROJECT_FILTERS, NEW_CLASSES).train()
    optimizer = torch.optim.Adam(head.parameters(), lr=LEARNING_RATE)
    loss_fn = nn.CrossEntropyLoss()
    video, target = clip(224, seed=1), labels(seed=1)

    def step():
        with torch.no_grad():
            features = backbone(video)
        loss = loss_fn(head(features), target)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

    return clips_per_second(timed(step, args.warmup, args.repeats), input=list(video.shape), threads=args.threads, classes=NEW_CLASSES)


def measure_train_full(args):
    """Full fine-tuning: every parameter trained, BN in train mode, fresh 10-class head."""
    model = m.MoViNetA0Base(num_classes=NEW_CLASSES).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    loss_fn = nn.CrossEntropyLoss()
    video, target = clip(172, seed=2), labels(seed=2)

    def step():
        loss = loss_fn(model(video), target)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

    return clips_per_second(timed(step, args.warmup, args.repeats), input=list(video.shape), threads=args.threads, classes=NEW_CLASSES)


def measure_stream_frame(args):
    """Per-frame latency: one stream, buffers carried; the first frames (warm-up) are excluded,
    then each repetition times `stream_frames` further frames of the same stream."""
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        model = m.MoViNetA0Stream().eval()
        gen = torch.Generator().manual_seed(3)
        total = args.stream_warmup_frames + args.repeats * args.stream_frames
        frames = torch.rand((total, 1, 3, 1, 172, 172), generator=gen)
        per_frame_ms, cpu_seconds = [], []
        with torch.inference_mode():
            for i in range(args.stream_warmup_frames):
                model(frames[i])
            cursor = args.stream_warmup_frames
            for _ in range(args.repeats):
                start_wall, start_cpu = time.perf_counter(), time.process_time()
                for _ in range(args.stream_frames):
                    model(frames[cursor])
                    cursor += 1
                per_frame_ms.append((time.perf_counter() - start_wall) * 1000.0 / args.stream_frames)
                cpu_seconds.append(time.process_time() - start_cpu)
        return summary(per_frame_ms, "ms/frame", cpu_seconds, batch=1, input=[1, 3, 1, 172, 172], threads=1,
                       warmup_frames=args.stream_warmup_frames, frames_per_repeat=args.stream_frames)
    finally:
        torch.set_num_threads(previous)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def debian_package_version():
    """torch.__version__ of Debian's build reads 1.13.0a0; the package version is the real one."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "python3-torch"],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def checked_value_counts():
    counts = {"a0_base": m.count_values(m.MoViNetA0Base()), "a0_stream": m.count_values(m.MoViNetA0Stream())}
    for name, expected in EXPECTED_VALUES.items():
        assert counts[name] == expected, f"{name}: {counts[name]} values, spec 4.1 says {expected}"
    return counts


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="intra-op threads (default: all CPUs)")
    parser.add_argument("--repeats", type=int, default=5, help="timed repetitions per measurement")
    parser.add_argument("--warmup", type=int, default=1, help="untimed repetitions before timing")
    parser.add_argument("--only", nargs="+", choices=MEASUREMENTS, help="run only these measurements")
    parser.add_argument("--stream-frames", type=int, default=10, help="frames per timed stream repetition")
    parser.add_argument("--stream-warmup-frames", type=int, default=5, help="first stream frames left untimed")
    args = parser.parse_args(argv)
    if args.threads < 1 or args.repeats < 1 or args.warmup < 0 or args.stream_frames < 1 or args.stream_warmup_frames < 0:
        parser.error("--threads, --repeats and --stream-frames must be >= 1; warm-ups >= 0")
    return args


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    runners = {
        "infer_224": lambda: measure_inference(224, args),
        "infer_172": lambda: measure_inference(172, args),
        "train_frozen": lambda: measure_train_frozen(args),
        "train_full": lambda: measure_train_full(args),
        "stream_frame": lambda: measure_stream_frame(args),
    }
    selected = [name for name in MEASUREMENTS if args.only is None or name in args.only]
    report = {
        "torch_version": torch.__version__,
        "torch_package": debian_package_version(),
        "python": platform.python_version(),
        "threads": args.threads,
        "cpu_model": cpu_model(),
        "logical_cpus": os.cpu_count(),
        "repeats": args.repeats,
        "warmup": args.warmup,
        "load_average_start": os.getloadavg()[0],
        "value_counts": checked_value_counts(),
        "measurements": {},
    }
    started = time.perf_counter()
    for name in selected:
        log(f"{name} ...")
        report["measurements"][name] = runners[name]()
        log(f"{name}: median {report['measurements'][name]['median']:.3f} {report['measurements'][name]['unit']}")
    report["total_seconds"] = time.perf_counter() - started
    report["load_average_end"] = os.getloadavg()[0]
    # ru_maxrss is in KiB on Linux.
    report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
