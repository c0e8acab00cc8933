"""Compact PyTorch MoViNet A0 (base and stream), the yardstick for `dotnet movinet bench`.

Our own transcription of /work/shared/design/movinet-architecture.md (sections 2-7), laid out
like the public PyTorch port Atze00/MoViNet-pytorch in its `tf_like` mode (one nn.Module per
conv block / SE / bottleneck, explicit TF "same" padding, stream buffers held by the modules),
because that port cannot be fetched on these machines. It is meant for timing, not for loading
TF checkpoints, so weights stay at their initial values.

Layout is PyTorch's [B, C, T, H, W] throughout; the stream (2plus1d) model folds time into the
batch for its 2D convs, exactly where the TF code reshapes to [B*T, H, W, C].
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

# Keras BatchNormalization defaults used by MoViNet (spec 2.1): eps 1e-3, moving = 0.99 * moving
# + 0.01 * batch, which is PyTorch momentum 0.01.
BN_EPS = 1e-3
BN_MOMENTUM = 0.01

# Spec section 4, A0: (expansion, output channels, depthwise kernel t,h,w, spatial stride).
A0_STEM_FILTERS = 8
A0_BLOCKS = [
    [(24, 8, (1, 5, 5), 2)],
    [(80, 32, (3, 3, 3), 2), (80, 32, (3, 3, 3), 1), (80, 32, (3, 3, 3), 1)],
    [(184, 56, (5, 3, 3), 2), (112, 56, (3, 3, 3), 1), (184, 56, (3, 3, 3), 1)],
    [(184, 56, (5, 3, 3), 1), (184, 56, (3, 3, 3), 1), (184, 56, (3, 3, 3), 1), (184, 56, (3, 3, 3), 1)],
    [(384, 104, (5, 3, 3), 2), (280, 104, (1, 5, 5), 1), (280, 104, (1, 5, 5), 1), (344, 104, (1, 5, 5), 1)],
]
A0_PROJECT_FILTERS = 480
HEAD_FILTERS = 2048


def make_divisible(value, divisor=8):
    """Channel rounding of the TF code (spec 2.4)."""
    rounded = max(divisor, int(value + divisor / 2) // divisor * divisor)
    if rounded < 0.9 * value:
        rounded += divisor
    return rounded


def same_padding(size, kernel, stride):
    """TF "same" (before, after) padding for one axis (spec 5.1): the odd pixel goes after."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def pad_spatial_same(x, kernel_hw, stride):
    """Pads the last two axes of x like TF "same" for this kernel/stride at x's current size."""
    top, bottom = same_padding(x.shape[-2], kernel_hw[0], stride)
    left, right = same_padding(x.shape[-1], kernel_hw[1], stride)
    if top == bottom == left == right == 0:
        return x
    return F.pad(x, (left, right, top, bottom))


def hard_sigmoid_keras(x):
    """Keras 2.x built-in hard_sigmoid, the gate of the released stream models (spec 2.2 (a))."""
    return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)


class HardSigmoidKeras(nn.Module):
    def forward(self, x):
        return hard_sigmoid_keras(x)


class Activations:
    """The (main, gate) activation pair of one model family (spec 1.1)."""

    def __init__(self, main, gate):
        self.main = main
        self.gate = gate


BASE_ACTIVATIONS = Activations(nn.SiLU, nn.Sigmoid)
STREAM_ACTIVATIONS = Activations(nn.Hardswish, HardSigmoidKeras)


def frames_to_batch(x):
    """[B, C, T, H, W] -> [B*T, C, H, W] so a 2D conv runs on every frame."""
    b, c, t, h, w = x.shape
    return x.transpose(1, 2).reshape(b * t, c, h, w)


def batch_to_frames(x, batch):
    """Inverse of frames_to_batch."""
    bt, c, h, w = x.shape
    return x.reshape(batch, bt // batch, c, h, w).transpose(1, 2)


# ---------------------------------------------------------------- base (3d) building blocks


class Conv3dBlock(nn.Module):
    """conv -> BN -> activation with TF "same" spatial padding and symmetric temporal padding
    (the non-causal `3d` ConvBlock, spec 3.1 and 5.2). BN and activation are optional."""

    def __init__(self, c_in, c_out, kernel, stride=1, groups=1, bias=False, bn=True, act=None):
        super().__init__()
        self.kernel = kernel
        self.stride = stride
        self.conv = nn.Conv3d(c_in, c_out, kernel, stride=(1, stride, stride),
                              padding=((kernel[0] - 1) // 2, 0, 0), groups=groups, bias=bias)
        self.bn = nn.BatchNorm3d(c_out, eps=BN_EPS, momentum=BN_MOMENTUM) if bn else None
        self.act = act() if act is not None else None

    def forward(self, x):
        x = self.conv(pad_spatial_same(x, self.kernel[1:], self.stride))
        if self.bn is not None:
            x = self.bn(x)
        if self.act is not None:
            x = self.act(x)
        return x


def same_avg_pool(x, pool, stride=2):
    """3x3 stride-2 average pool with TF "same" padding whose padded cells do not count in the
    mean (Keras AveragePooling, spec 5.3). `pool` is F.avg_pool2d or F.avg_pool3d; for 3d the
    window is 1x3x3."""
    kernel = (3, 3) if pool is F.avg_pool2d else (1, 3, 3)
    steps = (stride, stride) if pool is F.avg_pool2d else (1, stride, stride)
    summed = pool(pad_spatial_same(x, (3, 3), stride), kernel, steps)
    ones = x.new_ones((1, 1) + tuple(x.shape[2:]))
    valid = pool(pad_spatial_same(ones, (3, 3), stride), kernel, steps)
    return summed / valid


class Skip3d(nn.Module):
    """SkipBlock (spec 3.3 step 6): [same avg pool if strided] -> 1x1x1 conv -> BN."""

    def __init__(self, c_in, c_out, stride):
        super().__init__()
        self.stride = stride
        self.project = Conv3dBlock(c_in, c_out, (1, 1, 1))

    def forward(self, x):
        if self.stride > 1:
            x = same_avg_pool(x, F.avg_pool3d, self.stride)
        return self.project(x)


class SqueezeExcitation3d(nn.Module):
    """Base-model SE (`3d`, non-causal, spec 3.4): global T,H,W mean -> reduce -> expand -> gate."""

    def __init__(self, channels, acts):
        super().__init__()
        hidden = make_divisible(0.25 * channels)
        self.fc1 = Conv3dBlock(channels, hidden, (1, 1, 1), bias=True, bn=False, act=acts.main)
        self.fc2 = Conv3dBlock(hidden, channels, (1, 1, 1), bias=True, bn=False, act=acts.gate)

    def forward(self, x):
        return self.fc2(self.fc1(x.mean(dim=(2, 3, 4), keepdim=True))) * x


class Bottleneck3d(nn.Module):
    """MovinetBlock (spec 3.3) for the base model."""

    def __init__(self, c_in, expand, c_out, kernel, stride, acts):
        super().__init__()
        self.expand = Conv3dBlock(c_in, expand, (1, 1, 1), act=acts.main)
        self.deep = Conv3dBlock(expand, expand, kernel, stride=stride, groups=expand, act=acts.main)
        self.se = SqueezeExcitation3d(expand, acts)
        self.project = Conv3dBlock(expand, c_out, (1, 1, 1))
        self.res = Skip3d(c_in, c_out, stride) if (c_in != c_out or stride != 1) else None
        # ReZero scale, initialised to 0 as in TF (spec 2.3).
        self.alpha = nn.Parameter(torch.zeros(()))

    def forward(self, x):
        branch = self.project(self.se(self.deep(self.expand(x))))
        skip = self.res(x) if self.res is not None else x
        return skip + self.alpha * branch


class ClassifierHead(nn.Module):
    """ClassifierHead (spec 3.6) on the pooled [B, P, 1, 1, 1] features -> logits [B, classes]."""

    def __init__(self, project_filters, num_classes, dropout=0.0):
        super().__init__()
        self.hidden = nn.Conv3d(project_filters, HEAD_FILTERS, 1, bias=True)
        self.act = nn.SiLU()
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Conv3d(HEAD_FILTERS, num_classes, 1, bias=True)

    def forward(self, pooled):
        x = self.classifier(self.dropout(self.act(self.hidden(pooled))))
        return x.flatten(1)


class MoViNetA0Backbone(nn.Module):
    """A0 base backbone: stem, 15 bottlenecks, head projection and global pool -> [B, 480, 1, 1, 1]."""

    def __init__(self, acts=BASE_ACTIVATIONS):
        super().__init__()
        self.stem = Conv3dBlock(3, A0_STEM_FILTERS, (1, 3, 3), stride=2, act=acts.main)
        layers, c_in = [], A0_STEM_FILTERS
        for stage in A0_BLOCKS:
            for expand, c_out, kernel, stride in stage:
                layers.append(Bottleneck3d(c_in, expand, c_out, kernel, stride, acts))
                c_in = c_out
        self.blocks = nn.Sequential(*layers)
        self.project = Conv3dBlock(c_in, A0_PROJECT_FILTERS, (1, 1, 1), act=acts.main)

    def forward(self, video):
        x = self.project(self.blocks(self.stem(video)))
        return x.mean(dim=(2, 3, 4), keepdim=True)


class MoViNetA0Base(nn.Module):
    """MoViNet A0 base classifier: video [B, 3, T, H, W] in [0, 1] -> logits [B, num_classes]."""

    def __init__(self, num_classes=600, dropout=0.0):
        super().__init__()
        self.backbone = MoViNetA0Backbone()
        self.head = ClassifierHead(A0_PROJECT_FILTERS, num_classes, dropout)

    def forward(self, video):
        return self.head(self.backbone(video))


# ---------------------------------------------------------- stream (2plus1d, causal) blocks


class Conv2dBlock(nn.Module):
    """Per-frame 2D conv -> BN -> activation with TF "same" padding; input and output
    [B*T, C, H, W]. The spatial half of a `2plus1d` ConvBlock and every pointwise conv."""

    def __init__(self, c_in, c_out, kernel_hw, stride=1, groups=1, bias=False, bn=True, act=None):
        super().__init__()
        self.kernel_hw = kernel_hw
        self.stride = stride
        self.conv = nn.Conv2d(c_in, c_out, kernel_hw, stride=stride, groups=groups, bias=bias)
        self.bn = nn.BatchNorm2d(c_out, eps=BN_EPS, momentum=BN_MOMENTUM) if bn else None
        self.act = act() if act is not None else None

    def forward(self, x):
        x = self.conv(pad_spatial_same(x, self.kernel_hw, self.stride))
        if self.bn is not None:
            x = self.bn(x)
        if self.act is not None:
            x = self.act(x)
        return x


class CausalTemporalConv(nn.Module):
    """Depthwise temporal conv t x 1 over [B, C, T, H*W] with a stream buffer (spec 6.1): the last
    t-1 input frames of the previous call are prepended (zeros at the start), then a "valid" conv
    -> BN_temporal -> activation. Frame-by-frame calls therefore equal one whole-clip call."""

    def __init__(self, channels, t, act):
        super().__init__()
        self.t = t
        self.conv = nn.Conv2d(channels, channels, (t, 1), groups=channels, bias=False)
        self.bn = nn.BatchNorm2d(channels, eps=BN_EPS, momentum=BN_MOMENTUM)
        self.act = act()
        self.buffer = None

    def reset_state(self):
        self.buffer = None

    def forward(self, x):
        b, c, t, h, w = x.shape
        x = x.reshape(b, c, t, h * w)
        if self.buffer is None:
            self.buffer = x.new_zeros((b, c, self.t - 1, h * w))
        x = torch.cat((self.buffer, x), dim=2)
        self.buffer = x[:, :, -(self.t - 1):].detach()
        x = self.act(self.bn(self.conv(x)))
        return x.reshape(b, c, t, h, w)


class CumulativeMean(nn.Module):
    """Causal cumulative mean over time with carried running sum and frame count (spec 6.3)."""

    def __init__(self):
        super().__init__()
        self.total = None
        self.count = 0

    def reset_state(self):
        self.total, self.count = None, 0

    def forward(self, x):
        """x: [B, C, T, 1, 1] per-frame means -> cumulative means of the same shape."""
        t = x.shape[2]
        cumulative = torch.cumsum(x, dim=2)
        if self.total is not None:
            cumulative = cumulative + self.total
        frames = torch.arange(self.count + 1, self.count + t + 1, dtype=x.dtype, device=x.device)
        self.total = cumulative[:, :, -1:].detach()
        self.count += t
        return cumulative / frames.view(1, 1, t, 1, 1)


class RunningMean(nn.Module):
    """Non-causal head pool while streaming: mean over every frame seen so far (spec 6.3)."""

    def __init__(self):
        super().__init__()
        self.total = None
        self.count = 0

    def reset_state(self):
        self.total, self.count = None, 0

    def forward(self, x):
        """x: [B, C, T, H, W] -> [B, C, 1, 1, 1]."""
        summed = x.mean(dim=(3, 4), keepdim=True).sum(dim=2, keepdim=True)
        if self.total is not None:
            summed = summed + self.total
        self.total = summed.detach()
        self.count += x.shape[2]
        return summed / self.count


class SqueezeExcitation2plus3d(nn.Module):
    """Stream SE (`2plus3d`, causal, spec 3.4): concat(cumulative mean, frame mean) -> reduce
    -> expand -> gate, one gate per frame."""

    def __init__(self, channels, acts):
        super().__init__()
        hidden = make_divisible(0.5 * channels)
        self.cumulative = CumulativeMean()
        self.fc1 = Conv2dBlock(2 * channels, hidden, (1, 1), bias=True, bn=False, act=acts.main)
        self.fc2 = Conv2dBlock(hidden, channels, (1, 1), bias=True, bn=False, act=acts.gate)

    def forward(self, x):
        """x: [B, C, T, H, W]."""
        b = x.shape[0]
        frame_mean = x.mean(dim=(3, 4), keepdim=True)
        squeezed = torch.cat((self.cumulative(frame_mean), frame_mean), dim=1)
        gate = batch_to_frames(self.fc2(self.fc1(frames_to_batch(squeezed))), b)
        return gate * x


class Skip2d(nn.Module):
    """SkipBlock on [B*T, C, H, W]: [same avg pool if strided] -> 1x1 conv -> BN."""

    def __init__(self, c_in, c_out, stride):
        super().__init__()
        self.stride = stride
        self.project = Conv2dBlock(c_in, c_out, (1, 1))

    def forward(self, x):
        if self.stride > 1:
            x = same_avg_pool(x, F.avg_pool2d, self.stride)
        return self.project(x)


class BottleneckStream(nn.Module):
    """MovinetBlock (spec 3.3) for the stream model: spatial depthwise conv per frame, stream
    buffer, causal temporal depthwise conv (only if t > 1), 2plus3d SE."""

    def __init__(self, c_in, expand, c_out, kernel, stride, acts):
        super().__init__()
        self.expand = Conv2dBlock(c_in, expand, (1, 1), act=acts.main)
        self.deep = Conv2dBlock(expand, expand, kernel[1:], stride=stride, groups=expand, act=acts.main)
        self.deep_temporal = CausalTemporalConv(expand, kernel[0], acts.main) if kernel[0] > 1 else None
        self.se = SqueezeExcitation2plus3d(expand, acts)
        self.project = Conv2dBlock(expand, c_out, (1, 1))
        self.res = Skip2d(c_in, c_out, stride) if (c_in != c_out or stride != 1) else None
        self.alpha = nn.Parameter(torch.zeros(()))

    def forward(self, x):
        """x: [B, C, T, H, W]."""
        b = x.shape[0]
        frames = frames_to_batch(x)
        y = batch_to_frames(self.deep(self.expand(frames)), b)
        if self.deep_temporal is not None:
            y = self.deep_temporal(y)
        y = self.project(frames_to_batch(self.se(y)))
        skip = self.res(frames) if self.res is not None else frames
        return batch_to_frames(skip + self.alpha * y, b)


class MoViNetA0Stream(nn.Module):
    """MoViNet A0 stream classifier (causal `2plus1d`, `2plus3d` SE, hard swish / Keras hard
    sigmoid). Call with any number of frames; states carry over until reset_states(). Each call
    returns the logits for all frames seen so far."""

    def __init__(self, num_classes=600, dropout=0.0):
        super().__init__()
        acts = STREAM_ACTIVATIONS
        self.stem = Conv2dBlock(3, A0_STEM_FILTERS, (3, 3), stride=2, act=acts.main)
        layers, c_in = [], A0_STEM_FILTERS
        for stage in A0_BLOCKS:
            for expand, c_out, kernel, stride in stage:
                layers.append(BottleneckStream(c_in, expand, c_out, kernel, stride, acts))
                c_in = c_out
        self.blocks = nn.Sequential(*layers)
        self.project = Conv2dBlock(c_in, A0_PROJECT_FILTERS, (1, 1), act=acts.main)
        self.pool = RunningMean()
        self.head = ClassifierHead(A0_PROJECT_FILTERS, num_classes, dropout)

    def reset_states(self):
        for module in self.modules():
            if module is not self and hasattr(module, "reset_state"):
                module.reset_state()

    def forward(self, video):
        b = video.shape[0]
        x = batch_to_frames(self.stem(frames_to_batch(video)), b)
        x = self.blocks(x)
        x = batch_to_frames(self.project(frames_to_batch(x)), b)
        return self.head(self.pool(x))


def count_values(model):
    """Parameters plus BN running statistics (num_batches_tracked excluded), i.e. the number of
    float values a TF checkpoint of the same model holds (spec 4.1)."""
    params = sum(p.numel() for p in model.parameters())
    stats = sum(b.numel() for name, b in model.named_buffers() if not name.endswith("num_batches_tracked"))
    return params + stats
