#!/usr/bin/env bash
# CI step: build the sdist and the wheel (`python -m build`), install the wheel with its runtime
# dependencies into a virtualenv of its own, and run the main job from there, outside the source tree,
# so that a `pip install` of a release works as well as the README's commands.  Fails when:
# - the build fails, or the wheel lacks a data file that src/childsafe tracks (packs, models, samples,
#   migrations, templates: package-data in pyproject.toml);
# - the wheel's dependencies do not install or do not agree (`pip check`);
# - `childsafe demo` (samples, store migrations, hashing, matching, archives) or `childsafe text score`
#   (language packs, the author model, language identification) fails or finds nothing.
#
# Speed: the virtualenv is kept between runs under ~/.cache/childsafe-ci, keyed by the Python version
# and the wheel's runtime Requires-Dist lines; a run whose key matches only swaps the childsafe wheel (pip still
# resolves its dependencies against what is installed, and `pip check` runs).  Any change of the
# dependencies builds a new virtualenv from the registries, through pip's own download cache.
# CHILDSAFE_WHEEL_FRESH=1 forces a new virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
started=$SECONDS
work="$(mktemp -d -t childsafe-wheel.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# pip, without the index's noise about absent local mirrors, keeping pip's exit status.
quiet_pip() {
  local rc=0
  "$@" >"$work/pip.log" 2>&1 || rc=$?
  grep -v -e '^WARNING: Location' -e '^$' "$work/pip.log" >&2 || true
  return "$rc"
}

# Build from a copy of what git would commit (tracked and new files, not ignored ones): a stale
# src/childsafe.egg-info (an editable install makes one) would otherwise put into the sdist, and so
# into the wheel, files that package-data no longer names.
mkdir "$work/tree"
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done \
  | tar -c --null -T - | tar -x -C "$work/tree"
"$python" -m build --outdir "$work/dist" "$work/tree" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "wheel: build failed" >&2; exit 1; }
wheel="$(ls "$work"/dist/childsafe-*.whl)"

# Every data file git tracks in the package must be in the wheel (a .py file missing would fail below).
"$python" - "$wheel" <<'EOF'
import subprocess, sys, zipfile
# -z: a sample file name may hold spaces ("WhatsApp Chat with Sam.txt", as WhatsApp names its exports)
tracked = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "src/childsafe"], capture_output=True, text=True, check=True).stdout.split("\0")
wanted = {p.removeprefix("src/") for p in tracked if p and not p.endswith(".py")}
shipped = set(zipfile.ZipFile(sys.argv[1]).namelist())
missing = sorted(wanted - shipped)
if missing:
    sys.exit("wheel: package-data in pyproject.toml misses " + ", ".join(missing))
EOF

key="$("$python" - "$wheel" <<'EOF'
import hashlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as zf:
    meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    lines = zf.read(meta).decode().splitlines()
    # The runtime dependencies: the wheel is installed without extras.
    requires = sorted(l for l in lines if l.startswith("Requires-Dist:") and "extra ==" not in l)
print(hashlib.sha256("\n".join([sys.version, *requires]).encode()).hexdigest()[:16])
EOF
)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/childsafe-ci"
venv="$cache/wheel-venv-$key"
if [ "${CHILDSAFE_WHEEL_FRESH:-0}" = 1 ] || [ ! -e "$venv/childsafe-ready" ]; then
  rm -rf "$cache"/wheel-venv-*  # older keys: their dependencies are gone from pyproject.toml
  mkdir -p "$cache"
  "$python" -m venv "$venv"
  reused=no
else
  quiet_pip "$venv/bin/python" -m pip uninstall -q -y childsafe
  reused=yes
fi
quiet_pip "$venv/bin/python" -m pip install -q "$wheel" || { echo "wheel: install failed" >&2; exit 1; }
"$venv/bin/python" -m pip check || { echo "wheel: dependencies do not agree" >&2; exit 1; }
: >"$venv/childsafe-ready"  # marks a virtualenv whose dependencies installed completely

# Run from an empty folder with no PYTHONPATH, so nothing of the source tree can be imported.
mkdir "$work/run" "$work/home"
cd "$work/run"
env -u PYTHONPATH "$venv/bin/python" - "$venv" <<'EOF'
import pathlib, sys
import childsafe
where = pathlib.Path(childsafe.__file__).resolve()
if not where.is_relative_to(pathlib.Path(sys.argv[1]).resolve()):
    sys.exit(f"wheel: childsafe was imported from {where}, not from the wheel")
EOF
env -u PYTHONPATH "$venv/bin/childsafe" demo >demo.jsonl 2>demo.log \
  || { cat demo.log >&2; echo "wheel: childsafe demo failed" >&2; exit 1; }
printf '%s\n' '{"conversation_id": "c1", "author": "a", "text": "how old are you"}' \
  '{"conversation_id": "c1", "author": "b", "text": "13"}' \
  '{"conversation_id": "c1", "author": "a", "text": "dont tell your mom about us, add me on snap"}' >chat.jsonl
env -u PYTHONPATH "$venv/bin/childsafe" --home "$work/home" text score chat.jsonl >score.jsonl 2>score.log \
  || { cat score.log >&2; echo "wheel: childsafe text score failed" >&2; exit 1; }
env -u PYTHONPATH "$venv/bin/python" - <<'EOF'
import json, sys
summary = [r for r in map(json.loads, open("demo.jsonl")) if r.get("summary")]
if not summary or summary[-1]["files"] == 0 or summary[-1]["matched"] == 0:
    sys.exit(f"wheel: childsafe demo found nothing: {summary}")
[score] = map(json.loads, open("score.jsonl"))
if not score["risk"] > 0.5 or score["languages"] != ["en"]:
    sys.exit(f"wheel: childsafe text score did not read the packs and model: risk {score['risk']}")
print(f"wheel: {summary[-1]['matched']} of {summary[-1]['files']} demo files matched, text risk {score['risk']}")
EOF
echo "wheel: $(basename "$wheel") built, installed (virtualenv reused: $reused) and run in $((SECONDS - started)) s"
