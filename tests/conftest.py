"""Settings shared by every test.

Hypothesis's per-example deadline is off: speed is measured by the benchmarks in
``benchmarks/``, never by unit tests, and a deadline would make property tests fail on a
loaded machine for reasons that have nothing to do with correctness.
"""

from hypothesis import settings

settings.register_profile("arabic-news", deadline=None)
settings.load_profile("arabic-news")
