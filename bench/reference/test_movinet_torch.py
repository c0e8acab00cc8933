"""Checks of the reference model against the spec tables and hand-computed values.

Run: cd bench/reference && /usr/bin/python3 -m unittest test_movinet_torch -v   (about 10 s)
"""
import unittest

import torch
import torch.nn.functional as F

import movinet_torch as m


class ValueCountTests(unittest.TestCase):
    def test_base_matches_spec_4_1(self):
        model = m.MoViNetA0Base()
        self.assertEqual(m.count_values(model), 3_126_071)
        # Spec 4.1: "trainable" excludes the BN moving statistics.
        self.assertEqual(sum(p.numel() for p in model.parameters()), 3_111_799)
        self.assertEqual(sum(p.numel() for p in model.head.parameters()), 2_214_488)

    def test_stream_matches_spec_4_1(self):
        self.assertEqual(m.count_values(m.MoViNetA0Stream()), 3_765_983)

    def test_se_widths_match_spec_9_4_and_9_5(self):
        base = [b.se.fc1.conv.out_channels for b in m.MoViNetA0Base().backbone.blocks]
        stream = [b.se.fc1.conv.out_channels for b in m.MoViNetA0Stream().blocks]
        self.assertEqual(base, [8, 24, 24, 24, 48, 32, 48, 48, 48, 48, 48, 96, 72, 72, 88])
        self.assertEqual(stream, [16, 40, 40, 40, 96, 56, 96, 96, 96, 96, 96, 192, 144, 144, 176])


class PaddingTests(unittest.TestCase):
    def test_same_padding_matches_spec_5_1_table(self):
        cases = {(172, 3): (0, 1), (86, 5): (1, 2), (43, 3): (1, 1), (22, 3): (0, 1),
                 (11, 3): (1, 1), (145, 5): (2, 2), (224, 3): (0, 1)}
        for (size, kernel), expected in cases.items():
            self.assertEqual(m.same_padding(size, kernel, 2), expected, (size, kernel))
        self.assertEqual(m.same_padding(11, 5, 1), (2, 2))

    def test_avg_pool_excludes_padding_even_size(self):
        x = torch.arange(16.0).view(1, 1, 4, 4)
        # x[r, c] = 4r + c, padded (0,1): window (0,0) holds rows/cols 0-2 (9 cells), (0,1) rows
        # 0-2 x cols 2-3 (6 cells), (1,0) rows 2-3 x cols 0-2 (6), (1,1) rows/cols 2-3 (4 cells).
        expected = torch.tensor([[5.0, (2 + 3 + 6 + 7 + 10 + 11) / 6],
                                 [(8 + 9 + 10 + 12 + 13 + 14) / 6, (10 + 11 + 14 + 15) / 4]])
        out = m.same_avg_pool(x, F.avg_pool2d)
        torch.testing.assert_close(out[0, 0], expected)

    def test_avg_pool_excludes_padding_odd_size_3d(self):
        x = torch.arange(9.0).view(1, 1, 1, 3, 3)
        # Pads (1,1): corner windows see 4 real cells, the centre window all 9.
        expected = torch.tensor([[(0 + 1 + 3 + 4) / 4, (1 + 2 + 4 + 5) / 4],
                                 [(3 + 4 + 6 + 7) / 4, (4 + 5 + 7 + 8) / 4]])
        out = m.same_avg_pool(x, F.avg_pool3d)
        torch.testing.assert_close(out[0, 0, 0], expected)

    def test_stride2_conv_samples_tf_grid(self):
        # A 1x3x3 stride-2 conv whose kernel picks the centre tap returns x[1::2, 1::2] on an even
        # input only if padding is (0,1) as in TF; symmetric padding would return x[0::2, 0::2].
        block = m.Conv3dBlock(1, 1, (1, 3, 3), stride=2, bn=False)
        with torch.no_grad():
            block.conv.weight.zero_()
            block.conv.weight[0, 0, 0, 1, 1] = 1.0
        x = torch.arange(16.0).view(1, 1, 1, 4, 4)
        torch.testing.assert_close(block(x)[0, 0, 0], x[0, 0, 0, 1::2, 1::2])


class ShapeTests(unittest.TestCase):
    def test_feature_sizes_match_spec_4_1(self):
        for size, expected in ((172, [86, 43, 22, 11, 11, 6]), (224, [112, 56, 28, 14, 14, 7])):
            model = m.MoViNetA0Base().eval()
            seen = []
            model.backbone.stem.register_forward_hook(lambda mod, i, o: seen.append(o.shape[-1]))
            for index in (0, 3, 6, 10, 14):
                model.backbone.blocks[index].register_forward_hook(lambda mod, i, o: seen.append(o.shape[-1]))
            with torch.no_grad():
                logits = model(torch.rand(1, 3, 2, size, size))
            self.assertEqual(seen, expected)
            self.assertEqual(tuple(logits.shape), (1, 600))


def randomise(model, seed):
    """Non-trivial weights: ReZero scales and BN statistics are 0/identity at init, which would
    hide every branch."""
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, tensor in list(model.named_parameters()) + list(model.named_buffers()):
            if name.endswith("num_batches_tracked"):
                continue
            if name.endswith("running_var"):
                tensor.copy_(torch.rand(tensor.shape, generator=gen) + 0.5)
            elif name.endswith("alpha"):
                tensor.fill_(0.7)
            else:
                tensor.add_(0.1 * torch.randn(tensor.shape, generator=gen))


class StreamTests(unittest.TestCase):
    def test_cumulative_mean_hand_values(self):
        pool = m.CumulativeMean()
        first = pool(torch.tensor([2.0, 4.0]).view(1, 1, 2, 1, 1)).flatten()
        second = pool(torch.tensor([9.0]).view(1, 1, 1, 1, 1)).flatten()
        torch.testing.assert_close(first, torch.tensor([2.0, 3.0]))
        torch.testing.assert_close(second, torch.tensor([5.0]))

    def test_frame_by_frame_equals_whole_clip(self):
        # Spec 6.4: a causal model streamed one frame at a time ends with the whole-clip logits.
        torch.manual_seed(0)
        model = m.MoViNetA0Stream()
        randomise(model, 1)
        model.eval()
        clip = torch.rand(2, 3, 6, 40, 40)
        with torch.no_grad():
            whole = model(clip)
            model.reset_states()
            for t in range(clip.shape[2]):
                streamed = model(clip[:, :, t:t + 1])
            model.reset_states()
            split = [model(clip[:, :, :4]), model(clip[:, :, 4:])][-1]
        self.assertGreater(whole.abs().max().item(), 1e-3)
        torch.testing.assert_close(streamed, whole, rtol=1e-5, atol=1e-5)
        torch.testing.assert_close(split, whole, rtol=1e-5, atol=1e-5)

    def test_stream_is_causal(self):
        # Within one whole-clip call, the features of frames 0-2 must not depend on frames 3-4
        # (causal temporal padding and cumulative SE); the base model's must.
        clip = torch.rand(1, 3, 5, 32, 32)
        changed = clip.clone()
        changed[:, :, 3:] = torch.rand(1, 3, 2, 32, 32)
        for model, blocks, causal in ((m.MoViNetA0Stream(), None, True), (m.MoViNetA0Base(), "backbone", False)):
            randomise(model, 2)
            model.eval()
            last = (model.backbone.blocks if blocks else model.blocks)[-1]
            seen = []
            last.register_forward_hook(lambda mod, i, o: seen.append(o[:, :, :3]))
            with torch.no_grad():
                model(clip)
                if causal:
                    model.reset_states()
                model(changed)
            self.assertEqual(torch.equal(seen[0], seen[1]), causal)

if __name__ == "__main__":
    unittest.main()
