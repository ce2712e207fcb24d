"""Draws the kernel's logo (logo-32x32.png, logo-64x64.png): "C#" in white on a violet rounded square.
Pure Python (zlib, struct): run with any python3 to regenerate."""
import struct, zlib

GLYPHS = {  # 5x7 bitmaps
    "C": ["01111", "10000", "10000", "10000", "10000", "10000", "01111"],
    "#": ["01010", "11111", "01010", "01010", "01010", "11111", "01010"],
}

def draw(size):
    bg, fg = (104, 33, 122), (255, 255, 255)
    px = [[(0, 0, 0, 0)] * size for _ in range(size)]
    r = size // 6
    for y in range(size):
        for x in range(size):
            cx = min(max(x, r), size - 1 - r); cy = min(max(y, r), size - 1 - r)
            if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                px[y][x] = bg + (255,)
    scale = max(1, size // 14)
    text_w, text_h = (5 * 2 + 1) * scale, 7 * scale
    ox, oy = (size - text_w) // 2, (size - text_h) // 2
    for i, ch in enumerate("C#"):
        for gy, row in enumerate(GLYPHS[ch]):
            for gx, bit in enumerate(row):
                if bit == "1":
                    for dy in range(scale):
                        for dx in range(scale):
                            px[oy + gy * scale + dy][ox + (i * 6 + gx) * scale + dx] = fg + (255,)
    raw = b"".join(b"\0" + bytes(c for p in row for c in p) for row in px)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(f"logo-{size}x{size}.png", "wb") as f:
        f.write(png)

for s in (32, 64):
    draw(s)
