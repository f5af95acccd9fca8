"""Settings shared by every test.

Hypothesis's per-example deadline is off: speed is measured by the benchmarks in
``benchmarks/``, never by unit tests, and a deadline would make property tests fail on a
loaded machine for reasons that have nothing to do with correctness. The small matplotlib
3.10 environment (``make test-mpl310``) runs only the rendering proofs and has no hypothesis.
"""

try:
    from hypothesis import settings
except ImportError:  # the rendering-only environment
    settings = None

if settings is not None:
    settings.register_profile("arabic-news", deadline=None)
    settings.load_profile("arabic-news")
