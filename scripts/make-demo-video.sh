#!/usr/bin/env bash
# Makes the demo chapter's video and poster of the video manual (issue 24, item 4) with ffmpeg:
# 24 seconds of a test pattern with a tone, in three parts of 8 seconds, small enough to keep in
# the repository so `npm start` needs no ffmpeg. Nothing is downloaded. Run from the repository root.
set -euo pipefail
out=src/server/modules/website/demo-video
ffmpeg -v error -y \
  -f lavfi -i "testsrc2=size=426x240:rate=15:duration=8" \
  -f lavfi -i "smptebars=size=426x240:rate=15:duration=8" \
  -f lavfi -i "rgbtestsrc=size=426x240:rate=15:duration=8" \
  -f lavfi -i "sine=frequency=440:duration=24" \
  -filter_complex "[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]" -map "[v]" -map 3:a \
  -c:v libvpx-vp9 -b:v 60k -deadline good -cpu-used 4 -c:a libopus -b:a 24k "$out/demo-video.webm"
ffmpeg -v error -y -ss 2 -i "$out/demo-video.webm" -frames:v 1 "$out/demo-poster.png"
ls -l "$out/demo-video.webm" "$out/demo-poster.png"
