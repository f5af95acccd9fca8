# Two commands do everything on a fresh machine with Python 3.11+:
#   make run    set up .venv, then execute every notebook on the bundled seeds into figures/
#   make test   set up .venv, then run the whole test suite (unit, notebooks under nbval, rendering proofs)
# Each rebuilds its environment when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MPL310 := .venv-mpl310
MPL310_STAMP := $(MPL310)/.installed
CORPUS ?=
OUT ?= output
# Options of `make lab`, e.g. LAB_OPTS="--allow-root --no-browser --port 8890".
LAB_OPTS ?=
# `make run-corpus` passes these to load_corpus when it prepares the corpus (empty: the
# loader's defaults), and PARAMS / PARAMS_FILE to the lessons (see the README).
TEXT_COLUMN ?=
TITLE_COLUMN ?=
DATE_COLUMN ?=
SOURCE_COLUMN ?=
ID_COLUMN ?=
METADATA ?=
ON_ERROR ?=
FOLLOW_SYMLINKS ?=
MAX_FILE_SIZE ?=
PARAMS_FILE ?=

.PHONY: constraints run test test-unit test-notebooks test-mpl310 run-corpus lab explore bench lint sync-notebooks execute-notebooks student-copies lessons site clean chromium

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed: run make with PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# A second, small environment with the newest matplotlib 3.10.x, where Arabic is not shaped
# natively: the rendering proofs run there too, so both branches of ar() are tested.
$(MPL310_STAMP): pyproject.toml
	$(PYTHON) -m venv $(MPL310)
	$(MPL310)/bin/python -m pip install --quiet --upgrade pip
	$(MPL310)/bin/python -m pip install --quiet 'matplotlib>=3.10,<3.11' numpy arabic-reshaper python-bidi fontpkg-amiri uharfbuzz pytest
	$(MPL310)/bin/python -m pip install --quiet --no-deps -e .
	touch $(MPL310_STAMP)

run: $(STAMP)
	$(BIN)/python -m arabic_news.run_notebooks --figures figures

# The runner's options from the variables given (PARAMS is read from the environment, where
# make puts the variables of its command line, so that any quoting inside it arrives as written).
RUN_CORPUS_OPTIONS = $(strip \
	$(if $(ENGINE),--engine "$(ENGINE)") $(if $(SCHEDULER),--scheduler "$(SCHEDULER)") \
	$(if $(TEXT_COLUMN),--text-column "$(TEXT_COLUMN)") $(if $(TITLE_COLUMN),--title-column "$(TITLE_COLUMN)") \
	$(if $(DATE_COLUMN),--date-column "$(DATE_COLUMN)") $(if $(SOURCE_COLUMN),--source-column "$(SOURCE_COLUMN)") \
	$(if $(ID_COLUMN),--id-column "$(ID_COLUMN)") $(if $(METADATA),--metadata "$(METADATA)") \
	$(if $(ON_ERROR),--on-error "$(ON_ERROR)") $(if $(FOLLOW_SYMLINKS),--follow-symlinks) \
	$(if $(MAX_FILE_SIZE),--max-file-size "$(MAX_FILE_SIZE)") \
	$(if $(PARAMS),--params "$$PARAMS") $(if $(PARAMS_FILE),--params-file "$(PARAMS_FILE)"))

run-corpus: $(STAMP)
	@test -n "$(CORPUS)" || (echo 'usage: make run-corpus CORPUS=/path/to/corpus [OUT=output] [ENGINE=dask] [SCHEDULER=tcp://host:8786] [PARAMS="kwic_term=الرياض top_n=30"] [PARAMS_FILE=params.yaml] [DATE_COLUMN=...] [TEXT_COLUMN=...] [TITLE_COLUMN=...] [SOURCE_COLUMN=...] [ID_COLUMN=...] [METADATA=...] [ON_ERROR=skip] [FOLLOW_SYMLINKS=1] [MAX_FILE_SIZE=bytes]'; exit 2)
	$(BIN)/python -m arabic_news.run_notebooks --corpus "$(CORPUS)" --output "$(OUT)" $(RUN_CORPUS_OPTIONS)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_OPTS)

# The explorer as a web page, for people who do not write code: Voila on 127.0.0.1 with a
# fresh token (the address printed holds it). CORPUS empty: the bundled seeds.
explore: $(STAMP)
	$(BIN)/python -m arabic_news.explorer.app $(if $(CORPUS),--corpus "$(CORPUS)") $(if $(LANGUAGE),--language "$(LANGUAGE)") $(if $(NO_BROWSER),--no-browser)

# The two environments are built side by side first (pip keeps one core busy at most).
test:
	@$(MAKE) --no-print-directory -j2 $(STAMP) $(MPL310_STAMP)
	@$(MAKE) --no-print-directory test-unit test-notebooks test-mpl310

# The browser tier of the tests needs Debian's Chromium and its driver: installed here when
# they are missing and the user can (root, with apt-get); otherwise the tier is skipped, and
# this says which command installs them.
chromium:
	@sh .ci/install-chromium

# Two workers (this project's machines have two cores) that take the tests one by one and
# steal from each other (a lesson test takes a minute: whole files per worker left one idle
# for minutes). The browser tier runs apart, in one process, as it drives one JupyterLab and
# one Chromium; it mostly waits for them, so it runs at the same time as the unit tests, its
# report printed after theirs (its own cache folder); the target fails when either fails.
test-unit: $(STAMP) chromium
	@log=$$(mktemp); \
	$(BIN)/python -m pytest -o cache_dir=.pytest_cache/browser tests/browser >$$log 2>&1 & \
	browser=$$!; \
	$(BIN)/python -m pytest -n 2 --dist worksteal --durations=15 --ignore=tests/browser tests; unit=$$?; \
	wait $$browser; status=$$?; \
	echo "--- the browser tier (pytest tests/browser), run at the same time ---"; \
	cat $$log; rm -f $$log; \
	test $$unit = 0 && test $$status = 0

test-notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-n 2 --dist loadscope notebooks

test-mpl310: $(MPL310_STAMP)
	$(MPL310)/bin/python -m pytest -m rendering tests/rendering

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks notebooks tools

sync-notebooks: $(STAMP)
	$(BIN)/jupytext --sync notebooks/[0-9]*.ipynb

# Re-execute the committed notebooks in place on the seeds (after a change to src/ or to a
# lesson), then re-pair the scripts. No timing metadata, so that diffs show only real changes.
execute-notebooks: $(STAMP)
	cd notebooks && ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.kernel_name=python3 [0-9]*.ipynb
	$(BIN)/jupytext --sync notebooks/[0-9]*.ipynb

# The student copies (notebooks/exercises/: solutions removed, checks kept, executed) and the
# start page (notebooks/start-here.ipynb), generated from the lessons. A test fails when the
# committed copies are out of sync: after any change to a lesson, run this (or make lessons).
student-copies: $(STAMP)
	$(BIN)/python tools/student_copies.py notebooks

# Everything after a change to a lesson (its notebook or script) or to src/: re-pair,
# re-execute on the seeds, regenerate the student copies.
lessons: sync-notebooks execute-notebooks student-copies

# The lessons' website, from the committed notebooks and their outputs (nothing is executed),
# into build/site/ (open build/site/index.html; works offline). Sphinx + myst-nb + Furo.
site: $(STAMP)
	$(BIN)/python docs/build_site.py --out build/site

bench: $(STAMP)
	@test -n "$(CORPUS)" || (echo "usage: make bench CORPUS=/path/to/unpacked/antcorpus-v2.1"; exit 2)
	$(BIN)/python -m pip install --quiet pyarabic dateparser
	$(BIN)/python -m pip install --quiet --no-deps camel-tools
	$(BIN)/python -m pip install --quiet $$($(BIN)/python benchmarks/camel_small_deps.py)
	$(BIN)/python benchmarks/bench_loading.py --corpus "$(CORPUS)"
	$(BIN)/python benchmarks/bench_cleaning.py --corpus "$(CORPUS)"
	$(BIN)/python benchmarks/bench_dates.py "$(CORPUS)"
	$(BIN)/python benchmarks/bench_notebooks.py --corpus "$(CORPUS)" --record benchmarks/results/notebooks-ant.md
	$(BIN)/python benchmarks/bench_display_forms.py --corpus "$(CORPUS)"
	$(BIN)/python benchmarks/check_labels.py --corpus "$(CORPUS)" --record
	$(BIN)/python benchmarks/bench_lenses.py --corpus "$(CORPUS)" --record benchmarks/results/lenses.md

# Re-pin constraints.txt to the newest releases allowed by pyproject.toml (then re-execute the
# notebooks and commit both).
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet --upgrade pip
	.venv-constraints/bin/python -m pip install --quiet -e '.[test]'
	head -4 constraints.txt > constraints.new
	.venv-constraints/bin/python -m pip freeze --exclude-editable >> constraints.new
	mv constraints.new constraints.txt
	rm -rf .venv-constraints

clean:
	rm -rf $(VENV) $(MPL310) .pytest_cache .hypothesis
