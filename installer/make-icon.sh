#!/usr/bin/env bash
# Draws the application icon with ImageMagick, assets/iceising.png (256x256) and the Windows
# assets/iceising.ico: an Arctic disk of lattice cells on a deep-water background, an ice cap of
# white cells (spin up) fraying into blue water cells (spin down) with a few thermal flips,
# shaded by concentration as in the continuous-spin model. Deterministic: the same script always
# draws the same picture.
# Usage: installer/make-icon.sh [output.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-assets/iceising.png}
mkdir -p "$(dirname "$out")"

size=256 n=11 cell=18 gap=2
# The cells, as ImageMagick draw primitives: one "fill ... roundrectangle ..." per cell.
cells=$(awk -v size=$size -v n=$n -v cell=$cell -v gap=$gap '
  function hash(i, j,   x) { x = sin(i * 12.9898 + j * 78.233) * 43758.5453; return x - int(x) }
  function mix(a, b, t) { return int(a + (b - a) * t + 0.5) }
  BEGIN {
    pi = atan2(0, -1); span = n * cell + (n - 1) * gap; x0 = (size - span) / 2; c0 = size / 2
    for (i = 0; i < n; i++) for (j = 0; j < n; j++) {
      x = x0 + j * (cell + gap); y = x0 + i * (cell + gap)
      dx = x + cell / 2 - c0; dy = y + cell / 2 - c0; r = sqrt(dx * dx + dy * dy)
      if (r > 104) continue                                  # outside the Arctic disk
      ex = dx + 8; ey = dy + 6; a = atan2(ey, ex); re = sqrt(ex * ex + ey * ey)
      edge = 64 + 10 * sin(3 * a + 0.6) + 6 * sin(5 * a - 1.1) - 8 * (dx > 0 && dy > 0)
      c = 1 / (1 + exp((re - edge) / 6))                      # ice concentration, smooth edge
      h = hash(i, j)
      if (h > 0.93) c = 1 - c                                # a few flipped spins
      c = c + 0.18 * (hash(j + 7, i + 3) - 0.5); if (c < 0) c = 0; if (c > 1) c = 1
      if (c < 0.5) { t = c / 0.5;  R = mix(18, 70, t);   G = mix(84, 150, t);  B = mix(160, 220, t) }
      else         { t = (c - 0.5) / 0.5; R = mix(170, 250, t); G = mix(214, 253, t); B = mix(245, 255, t) }
      printf "fill rgb(%d,%d,%d) roundrectangle %d,%d %d,%d 4,4 ", R, G, B, x, y, x + cell - 1, y + cell - 1
    }
  }')

convert -size ${size}x${size} gradient:'#0d3f78-#061a36' \
  \( -size ${size}x${size} xc:none -fill white -draw "roundrectangle 4,4 251,251 48,48" \) \
  -alpha set -compose DstIn -composite -compose Over \
  -fill none -stroke 'rgba(160,210,255,0.35)' -strokewidth 2 -draw "circle 128,128 128,18" \
  -stroke none -draw "$cells" \
  -depth 8 -define png:color-type=6 -strip "$out"
echo "wrote $out"
# Windows wants an .ico holding the usual sizes; macOS's .icns is made at build time there.
convert "$out" -define icon:auto-resize=256,128,64,48,32,16 "${out%.png}.ico"
echo "wrote ${out%.png}.ico"
