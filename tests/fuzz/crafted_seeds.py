#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Seeds for fuzz_render (packaging/dev.sh fuzz): the crafted bodies of issue #21, scaled down
# to stay under the target's 256 KB input limit, written into the folder given as argument.
import pathlib
import sys

FRONT = "---\ntitle: Crafted\ndate: 2024-01-01\ndraft: true\n---\n\n"


def table(columns, rows):
    head = "|" + "".join("c%d|" % c for c in range(columns)) + "\n"
    return head + "|" + "-|" * columns + "\n" + ("|" + "v|" * columns + "\n") * rows


SEEDS = {
    # 11 GB in `images` at 20,000 levels (a copy of the inner text per call).
    "issue21-nested-figures.md": "{{< figure >}}\n" * 3000 + "{{< /figure >}}\n" * 3000,
    # Over 60 s to render at 20,000 columns: past the 1,000-column bound here.
    "issue21-wide-table.md": table(1500, 3),
    # 10^8 padding cells at 100,000 rows.
    "issue21-padded-table.md": table(1001, 0) + "x\n" * 20000,
    # Over 60 s in `images` and `publish` at 50,000.
    "issue21-reference-images.md": "".join("![i%d][r%d]\n\n" % (i, i) for i in range(4000))
    + "".join("[r%d]: /images/r%d.jpg\n" % (i, i) for i in range(4000)),
}

out = pathlib.Path(sys.argv[1])
for name, body in SEEDS.items():
    (out / name).write_text(FRONT + body, encoding="utf-8")
