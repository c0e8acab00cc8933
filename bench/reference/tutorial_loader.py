#!/usr/bin/env python3
"""Reference data loader for `dotnet movinet bench --only load`.

The TF tutorial "Transfer learning for video classification with MoViNet" loads clips with
`frames_from_video_file` (OpenCV, one process). This is that function transcribed, with its
TensorFlow resize (`tf.image.resize_with_pad`) replaced by the same scale-to-fit, bilinear,
centred zero padding in OpenCV/NumPy, because TensorFlow is not available on these machines.

Usage: tutorial_loader.py N_FRAMES FRAME_STEP SIZE REPEATS VIDEO...
Prints one JSON object: {"clips": n, "seconds": s, "clips_per_second": r}.
"""
import json
import random
import sys
import time

import cv2
import numpy as np


def format_frame(frame, size):
    frame = frame.astype(np.float32) / 255.0
    h, w = frame.shape[:2]
    ratio = max(w / size, h / size)
    rw, rh = int(w / ratio), int(h / ratio)
    resized = cv2.resize(frame, (rw, rh), interpolation=cv2.INTER_LINEAR)
    out = np.zeros((size, size, 3), np.float32)
    top, left = (size - rh) // 2, (size - rw) // 2
    out[top:top + rh, left:left + rw] = resized
    return out


def frames_from_video_file(video_path, n_frames, output_size, frame_step):
    result = []
    src = cv2.VideoCapture(str(video_path))
    video_length = src.get(cv2.CAP_PROP_FRAME_COUNT)
    need_length = 1 + (n_frames - 1) * frame_step
    if need_length > video_length:
        start = 0
    else:
        max_start = video_length - need_length
        start = random.randint(0, max_start + 1)
    src.set(cv2.CAP_PROP_POS_FRAMES, start)
    ret, frame = src.read()
    result.append(format_frame(frame, output_size))
    for _ in range(n_frames - 1):
        for _ in range(frame_step):
            ret, frame = src.read()
        if ret:
            result.append(format_frame(frame, output_size))
        else:
            result.append(np.zeros_like(result[0]))
    src.release()
    return np.array(result)[..., [2, 1, 0]]


def main():
    n_frames, frame_step, size, repeats = map(int, sys.argv[1:5])
    videos = sys.argv[5:]
    random.seed(0)
    frames_from_video_file(videos[0], n_frames, size, frame_step)  # warm-up
    t0 = time.perf_counter()
    clips = 0
    for _ in range(repeats):
        for v in videos:
            frames_from_video_file(v, n_frames, size, frame_step)
            clips += 1
    seconds = time.perf_counter() - t0
    print(json.dumps({"clips": clips, "seconds": seconds, "clips_per_second": clips / seconds}))


if __name__ == "__main__":
    main()
