#!/usr/bin/env bash
# Draws docs/sketch/twitter.svg, the picture docs/sketch.md and README.md show: the sized sketch of
# examples/twitter.yaml as DOT, laid out by Graphviz (the Debian package graphviz). Run it from
# anywhere after a change to the sketch; SketchGraphvizTest fails while the SVG is stale (when the
# SVG was drawn by the same Graphviz version as the machine's).
set -euo pipefail
cd "$(dirname "$0")/../.."
./envelope estimate examples/twitter.yaml -o dot | dot -Tsvg > docs/sketch/twitter.svg
