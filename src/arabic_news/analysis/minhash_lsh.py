"""Near-duplicate articles: the same story printed several times, found and grouped.

The method, in four steps that each take and return small pandas frames, so that any engine
can run the first per partition and the others over what crosses partitions:

1. **Sketch each article** (:func:`sketch_articles`, per partition). Its text is normalised and
   tokenised by the package's :func:`~arabic_news.tokenize` (so spelling variants, diacritics,
   tatweel and punctuation do not hide a copy); its words are cut into overlapping shingles of
   ``shingle_size`` words. The sketch holds a hash of the whole word sequence (two articles
   with the same key are exact duplicates: same words, whatever the spacing or punctuation),
   the number of words and of distinct shingles, and a MinHash signature of the shingle set
   (``datasketch``'s ``affine32`` scheme, computed for many articles at once with numpy; equal
   to ``datasketch.MinHash.update_batch`` on the same shingle hashes).
2. **Group by keys** (:func:`candidate_pairs`). Exact duplicates share their key. The others
   are banded (locality-sensitive hashing): the signature is cut into ``bands`` bands of
   ``rows`` values, and two articles that agree on a whole band become a candidate pair. Only
   one article of each exact-duplicate set enters this step.
3. **Confirm** (:func:`confirm_pairs`). Each candidate pair is re-read and kept when the true
   Jaccard similarity of its shingle sets reaches ``threshold``. Containment (the share of
   the shorter article's shingles found in the longer one) is measured on the same pairs.
4. **Group** (:func:`group_articles`). Confirmed pairs and exact duplicates are joined into
   connected stories. The earliest article of each group (by publication date, then by its
   place in the corpus) is its origin; every article gets the estimated Jaccard similarity
   of its signature to the origin's (1.0 for an exact duplicate).

:func:`find_groups` runs the four steps on the corpus's engine: the sketches stay with the
engine (on Dask, on the workers), and what comes into the calling process is bounded by the
copies and the candidate pairs, not by the corpus.

Error rates. Banding misses a pair of true similarity *s* with probability
``(1 - s**rows) ** bands``. :func:`band_layout` takes the most rows per band (fewest chance
candidates) for which a pair *at* the threshold is missed with probability at most
:data:`MISS_AT_THRESHOLD`: with the defaults (threshold 0.8, 128 permutations) that is 25
bands of 5 rows, which misses a pair at 0.8 with probability 5e-5 and a pair at 0.9 with
probability 2e-10. Confirmation is exact, so nothing below the threshold is ever grouped
directly (a group can still chain A~B~C with A and C further apart: its articles' similarity
to the origin shows it).

Measured against brute-force Jaccard (``benchmarks/bench_reprints.py``, results in
``benchmarks/results/reprints.md``): for 1,500 sampled articles compared with every article
of their corpus, every pair at 0.9 or more shared a group (ANT 171 of 171, the Saudi corpus
204 of 204), and so did every pair at 0.8 or more (176 of 176, 310 of 310); no pair below
0.5 was grouped, and 18 of the Saudi corpus's 328 grouped pairs (none of ANT's) were below 0.8,
joined through a chain. The ``similarity`` column (128 MinHash values) is off from the true
Jaccard similarity to the origin by 0.001 (ANT) and 0.012 (Saudi) on average, 0.12 at most.

Passage reuse. The bands find pairs by Jaccard similarity; a short article copied whole into
a long one has a low Jaccard (its shingles are a small part of the union) and is found only
when the bands make it a candidate. :func:`passage_reuse` reports the confirmed containments
of the candidate pairs: it shows passage reuse when the two articles are of comparable
length, and misses it when one is several times longer than the other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from arabic_news.engines import engine_of
from arabic_news.text.tokenize import tokenize

from ._checks import check_positive_int

#: The largest probability, per pair at exactly the threshold, that banding misses it.
MISS_AT_THRESHOLD = 1e-3
#: Shingle hashes per block of the vectorised MinHash (block x num_perm uint32 in memory), and
#: articles per block when comparing signatures.
_BLOCK = 1 << 15
_MASK32 = np.uint64(0xFFFFFFFF)
# Odd 64-bit multipliers for the rolling shingle hash and the band keys.
_SHINGLE_BASE = np.uint64(0x9E3779B97F4A7C15)
_BAND_BASE = np.uint64(0xC2B2AE3D27D4EB4F)

#: The corpus columns carried into the groups table, when the corpus has them.
DESCRIBED = ("doc_id", "source", "published", "title")
SKETCH_COLUMNS = ("doc_id", "position", "exact_key", "words", "shingles", "signature")


@dataclass(frozen=True)
class Settings:
    """The parameters of the method, checked (see :func:`settings`)."""

    threshold: float = 0.8
    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1

    @property
    def layout(self) -> tuple[int, int]:
        """(bands, rows) of the banding, from the threshold and the number of permutations."""
        return band_layout(self.threshold, self.num_perm)


def settings(threshold=0.8, shingle_size=5, num_perm=128, seed=1) -> Settings:
    """Check the parameters early, with messages that say what to pass."""
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) \
            or not 0.5 <= threshold <= 1:
        raise ValueError(f"threshold must be a number from 0.5 to 1 (the Jaccard similarity of "
                         f"word shingles above which two articles are one story; 0.8 is "
                         f"usual), got {threshold!r}")
    check_positive_int("shingle_size", shingle_size)
    if shingle_size > 25:
        raise ValueError(f"shingle_size must be at most 25 words (5 is usual: longer shingles "
                         f"make any edit break more of them), got {shingle_size}")
    check_positive_int("num_perm", num_perm)
    if not 16 <= num_perm <= 1024:
        raise ValueError(f"num_perm must be from 16 to 1024 (128 is usual: more permutations "
                         f"estimate similarity more closely, and cost more), got {num_perm}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    return Settings(float(threshold), shingle_size, num_perm, seed)


def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows): the most rows per band such that a pair of similarity ``threshold`` is
    missed with probability at most :data:`MISS_AT_THRESHOLD` (bands = num_perm // rows)."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if miss_probability(threshold, bands, rows) <= MISS_AT_THRESHOLD:
            best = (bands, rows)
    return best


def miss_probability(similarity: float, bands: int, rows: int) -> float:
    """Probability that banding never makes a pair of this Jaccard similarity a candidate."""
    return (1.0 - similarity ** rows) ** bands


# ----------------------------------------------------------------------------- 1. sketches
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _mix32(values: np.ndarray) -> np.ndarray:
    from datasketch.minhash import _fmix  # the scheme's own pre-mixing of input hashes

    return _fmix(values.astype(np.uint32), 32)


def _token_hashes(texts: list[str]) -> list[np.ndarray]:
    """The normalised words of each text as 64-bit hashes (one hashing call for them all)."""
    tokens = [tokenize(text) for text in texts]
    flat = [token for words in tokens for token in words]
    hashed = pd.util.hash_array(np.asarray(flat, dtype=object), categorize=False) if flat else \
        np.zeros(0, np.uint64)
    return np.split(hashed, np.cumsum([len(words) for words in tokens])[:-1]) if tokens else []


def shingle_hashes(token_hashes: np.ndarray, size: int) -> np.ndarray:
    """32-bit hashes of the runs of ``size`` consecutive words (one run for a shorter text)."""
    count = len(token_hashes)
    if count == 0:
        return np.zeros(0, np.uint32)
    width = min(size, count)
    rolled = np.zeros(count - width + 1, np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            rolled = rolled * _SHINGLE_BASE + token_hashes[offset:count - width + 1 + offset]
        rolled += np.uint64(width)
    return ((rolled >> np.uint64(32)) ^ (rolled & _MASK32)).astype(np.uint32)


def shingle_sets(texts: list[str], size: int) -> list[np.ndarray]:
    """The sorted distinct shingle hashes of each text (normalised words, ``size`` a shingle)."""
    return [np.unique(shingle_hashes(words, size)) for words in _token_hashes(texts)]


def minhash_signatures(shingles: list[np.ndarray], num_perm: int, seed: int) -> np.ndarray:
    """One MinHash signature (``num_perm`` uint32 values) per non-empty shingle array, the
    values ``datasketch.MinHash(num_perm, seed).update_batch`` gives, for many sets at once."""
    a, b = _permutations(num_perm, seed)
    signatures = np.empty((len(shingles), num_perm), np.uint32)
    start = 0
    while start < len(shingles):
        stop, total = start, 0
        while stop < len(shingles) and (stop == start or total + len(shingles[stop]) <= _BLOCK):
            total += len(shingles[stop])
            stop += 1
        block = _mix32(np.concatenate(shingles[start:stop]))
        starts = np.cumsum([0] + [len(s) for s in shingles[start:stop - 1]])
        with np.errstate(over="ignore"):  # permutations x shingles: each row contiguous
            permuted = a[:, None] * block[None, :] + b[:, None]
        signatures[start:stop] = np.minimum.reduceat(permuted, starts, axis=1).T
        start = stop
    return signatures


def sketch_articles(part: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Per partition: one row per article that has at least one shingle of words.

    An article shorter than a shingle (an empty text, or the remnant of a few words that
    boilerplate removal leaves of a page) tells no story: it is not sketched, so it is never
    grouped, not even with another remnant of the same words.

    ``part`` holds ``doc_id``, ``text`` and ``position`` (the article's place in the corpus).
    Returns :data:`SKETCH_COLUMNS`: ``exact_key`` (a hash of its normalised word sequence),
    ``words``, ``shingles`` (distinct shingles) and ``signature`` (the MinHash values as
    bytes), a few hundred bytes an article whatever its length.
    """
    rows, sets = [], []
    words = _token_hashes(part["text"].tolist())
    for doc_id, position, token_hashes in zip(part["doc_id"], part["position"], words, strict=True):
        if len(token_hashes) < settings.shingle_size:
            continue
        shingles = shingle_hashes(token_hashes, settings.shingle_size)
        exact = int.from_bytes(hashlib.blake2b(token_hashes.tobytes(), digest_size=8).digest(),
                               "little", signed=True)
        rows.append((doc_id, int(position), exact, len(token_hashes)))
        sets.append(np.unique(shingles))
    frame = pd.DataFrame(rows, columns=["doc_id", "position", "exact_key", "words"])
    frame = frame.astype({"doc_id": object, "position": "int64", "exact_key": "int64",
                          "words": "int64"})
    frame["shingles"] = np.array([len(s) for s in sets], dtype="int64")
    signatures = minhash_signatures(sets, settings.num_perm, settings.seed)
    frame["signature"] = [row.tobytes() for row in signatures]
    return frame


def signature_matrix(sketches: pd.DataFrame, num_perm: int) -> np.ndarray:
    """The sketches' signatures as an (articles, num_perm) uint32 array."""
    if len(sketches) == 0:
        return np.zeros((0, num_perm), np.uint32)
    return np.frombuffer(b"".join(sketches["signature"]), np.uint32).reshape(-1, num_perm)


# ----------------------------------------------------------------------------- 2. keys
def exact_duplicates(sketches: pd.DataFrame) -> pd.DataFrame:
    """``position`` -> ``representative``: the first position holding the same word sequence,
    for every sketched article (an article that has no copy represents itself)."""
    first = sketches.groupby("exact_key", sort=False)["position"].transform("min")
    return pd.DataFrame({"position": sketches["position"].to_numpy(),
                         "representative": first.to_numpy()})


def band_keys(sketches: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Per partition: one row per article and band, ``band``, ``key`` and ``position``."""
    bands, rows = settings.layout
    signatures = signature_matrix(sketches, settings.num_perm)[:, :bands * rows]
    banded = signatures.reshape(len(signatures), bands, rows).astype(np.uint64)
    keys = np.zeros(banded.shape[:2], np.uint64)
    with np.errstate(over="ignore"):
        for row in range(rows):
            keys = keys * _BAND_BASE + banded[:, :, row]
    return pd.DataFrame({
        "band": np.tile(np.arange(bands, dtype="int64"), len(signatures)),
        "key": keys.reshape(-1).view(np.int64),
        "position": np.repeat(sketches["position"].to_numpy(dtype="int64"), bands),
    })


def candidate_pairs(keys: pd.DataFrame) -> pd.DataFrame:
    """Every pair of positions that share a band key, once (``first`` < ``second``)."""
    keys = keys.sort_values(["band", "key", "position"], kind="stable")
    bucket = keys[["band", "key"]].to_numpy()
    positions = keys["position"].to_numpy()
    change = np.ones(len(keys), bool)
    change[1:] = (bucket[1:] != bucket[:-1]).any(axis=1)
    starts = np.flatnonzero(change)
    ends = np.append(starts[1:], len(keys))[:len(starts)]  # no key, no bucket
    pairs = [(positions[i], positions[j])
             for start, end in zip(starts, ends, strict=True) if end - start > 1
             for i in range(start, end) for j in range(i + 1, end)]
    frame = pd.DataFrame(pairs, columns=["first", "second"], dtype="int64")
    return frame.drop_duplicates(ignore_index=True)


# ----------------------------------------------------------------------------- 3. confirm
def confirm_pairs(pairs: pd.DataFrame, texts: pd.Series, settings: Settings) -> pd.DataFrame:
    """The candidate ``pairs`` with their true ``jaccard`` and ``containment``.

    ``texts`` maps each position in ``pairs`` to its text (only those are read). Containment
    is the share of the smaller shingle set found in the larger one.
    """
    sets = shingle_sets(texts.tolist(), settings.shingle_size)
    shingles = dict(zip(texts.index, sets, strict=True))
    jaccard, containment = [], []
    for first, second in zip(pairs["first"], pairs["second"], strict=True):
        a, b = shingles[first], shingles[second]
        common = len(np.intersect1d(a, b, assume_unique=True))
        jaccard.append(common / (len(a) + len(b) - common))
        containment.append(common / min(len(a), len(b)))
    return pairs.assign(jaccard=np.array(jaccard, float),
                        containment=np.array(containment, float))


# ----------------------------------------------------------------------------- 4. groups
def group_articles(articles: pd.DataFrame, sketches: pd.DataFrame, exact: pd.DataFrame,
                   confirmed: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Connected stories of two or more articles, one row per article.

    ``articles`` holds ``position``, ``doc_id`` and, where the corpus has them, ``source`` and
    ``published``. ``exact`` marks an article whose words are those of an earlier article of
    its group. Groups are numbered from 1 in the order of their origins (earliest date,
    then corpus order); rows are ordered by group, then date, then corpus order.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    kept = confirmed[confirmed["jaccard"] >= settings.threshold]
    edges = pd.concat([exact.rename(columns={"position": "first", "representative": "second"}),
                       kept[["first", "second"]]], ignore_index=True)
    nodes = np.unique(edges[["first", "second"]].to_numpy())
    index = {position: number for number, position in enumerate(nodes)}
    rows = edges["first"].map(index).to_numpy()
    cols = edges["second"].map(index).to_numpy()
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(nodes), len(nodes)))
    _, labels = connected_components(graph, directed=False)
    members = pd.DataFrame({"position": nodes, "component": labels})
    members = members[members.groupby("component")["position"].transform("size") > 1]
    table = members.merge(articles, on="position", how="left")
    order = ["published", "position"] if "published" in table else ["position"]
    table = table.sort_values(order, kind="stable", na_position="last")
    origins = table.drop_duplicates("component")[["component", "position"]]
    numbers = {component: number for number, component in enumerate(origins["component"], 1)}
    table["group"] = table["component"].map(numbers).astype("int64")
    origin_of = dict(zip(origins["component"], origins["position"], strict=True))
    table["origin"] = table["component"].map(origin_of)
    table = table.sort_values(["group", *order], kind="stable", na_position="last")
    described = sketches.set_index("position")
    table["similarity"] = _estimated_similarity(table, sketches, settings)
    table["exact"] = (table.assign(key=table["position"].map(described["exact_key"]))
                      .duplicated(["group", "key"]).to_numpy())
    table["words"] = table["position"].map(described["words"]).astype("int64")
    columns = ["group", "doc_id", *[c for c in ("source", "published", "title") if c in table],
               "similarity", "exact", "words", "position"]
    return table[columns].reset_index(drop=True)


def _estimated_similarity(table: pd.DataFrame, sketches: pd.DataFrame,
                          settings: Settings) -> np.ndarray:
    """The share of equal MinHash values of each article and its origin, over the distinct
    signatures (exact copies share one) and :data:`_BLOCK` articles at a time."""
    codes, distinct = pd.factorize(sketches["signature"])
    signatures = signature_matrix(pd.DataFrame({"signature": distinct}), settings.num_perm)
    at = pd.Series(codes, index=sketches["position"].to_numpy())
    own = at[table["position"]].to_numpy()
    origin = at[table["origin"]].to_numpy()
    similarity = np.zeros(len(table))
    for start in range(0, len(table), _BLOCK):
        block = slice(start, start + _BLOCK)
        similarity[block] = (signatures[own[block]] == signatures[origin[block]]).mean(axis=1)
    return similarity


# ----------------------------------------------------------------------------- the whole
#: Articles sketched together within a partition (their words and shingles in memory at once).
SKETCH_BATCH = 5_000


def find_groups(corpus, settings: Settings) -> dict:
    """The four steps on ``corpus`` (a frame with ``doc_id``, ``text`` and, where it has them,
    ``source``, ``published`` and ``title``), run by its engine (:mod:`arabic_news.engines`).

    What comes into this process is bounded by the copies and the candidates, never by the
    corpus: the sketches are computed per partition and kept by the engine; exact keys and
    band keys are counted by the engine (``sum_by``), and only the rows of keys shared by two
    articles or more come back; only the candidates' texts are read back to confirm them; only
    the sketches of the articles of a group or a candidate pair come back to group them (a
    copy's signature is its representative's: same words, same signature).

    Returns ``groups`` (see :func:`group_articles`), ``pairs`` (every candidate pair,
    confirmed or not, with its ``jaccard`` and ``containment``) and ``sketches`` (of the
    articles in a group or a pair).
    """
    engine = engine_of(corpus)
    columns = ["doc_id", "text", *[c for c in DESCRIBED[1:] if c in corpus.columns]]
    offsets = partition_offsets(engine, corpus)
    sketches = engine.keep(engine.map_partitions(corpus[columns], sketch_partition, offsets,
                                                 settings, numbered=True))
    # 2. keys: exact copies share their key; the others, one per key, are banded
    counts = engine.sum_by(sketches, _exact_key_counts, keys=["exact_key"])
    shared = engine.collect(counts[counts["count"] > 1]["exact_key"]).to_numpy("int64")
    repeated = engine.collect(
        sketches[sketches["exact_key"].isin(shared)][["position", "exact_key"]])
    exact = exact_duplicates(repeated.sort_values("position", ignore_index=True))
    copies = exact[exact["position"] != exact["representative"]]
    representatives = sketches[~sketches["position"].isin(copies["position"].to_numpy())]
    buckets = engine.sum_by(representatives, _band_key_counts, settings, keys=["band", "key"])
    buckets = engine.collect(buckets[buckets["count"] > 1][["band", "key"]])
    banded = engine.map_partitions(representatives, band_keys, settings)
    keys = engine.collect(banded[banded["key"].isin(buckets["key"].to_numpy("int64"))])
    pairs = candidate_pairs(keys.merge(buckets, on=["band", "key"]))
    # 3. confirm: the candidates' texts only
    wanted = np.unique(pairs[["first", "second"]].to_numpy())
    confirmed = confirm_pairs(pairs, _texts_at(engine, corpus, offsets, wanted), settings)
    # 4. group: the sketches of the copies and the candidates only
    members = _members(engine, sketches, np.union1d(repeated["position"], wanted), copies)
    articles = members[["position", *[c for c in DESCRIBED if c in members]]]
    groups = group_articles(articles, members, copies, confirmed, settings)
    return {"groups": groups, "pairs": confirmed, "sketches": members}


def partition_offsets(engine, corpus) -> list[int]:
    """The place in the corpus of each partition's first row."""
    lengths = engine.per_partition(corpus["doc_id"], len)
    return np.concatenate([[0], np.cumsum(lengths[:-1], dtype="int64")]).tolist()


def sketch_partition(part: pd.DataFrame, number: int, offsets: list[int],
                     settings: Settings) -> pd.DataFrame:
    """Per partition (the ``number``-th): :func:`sketch_articles` of its articles, a batch of
    :data:`SKETCH_BATCH` at a time, positioned in the corpus by ``offsets``, with the
    corpus's columns of :data:`DESCRIBED` as the corpus holds them."""
    described = [column for column in DESCRIBED if column in part]
    frames = []
    for begin in range(0, max(len(part), 1), SKETCH_BATCH):
        rows = part.iloc[begin:begin + SKETCH_BATCH]
        start = offsets[number] + begin
        sketched = sketch_articles(rows[["doc_id", "text"]].assign(
            position=np.arange(start, start + len(rows), dtype="int64")), settings)
        carried = rows[described].iloc[sketched["position"].to_numpy() - start]
        frames.append(sketched.assign(**carried.reset_index(drop=True)))  # the corpus's dtypes
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _exact_key_counts(part: pd.DataFrame) -> pd.DataFrame:
    counts = part.groupby("exact_key", sort=False).size()
    return pd.DataFrame({"exact_key": counts.index.to_numpy("int64"),
                         "count": counts.to_numpy("int64")})


def _band_key_counts(part: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    counts = band_keys(part, settings).groupby(["band", "key"], sort=False).size()
    return pd.DataFrame({"band": counts.index.get_level_values("band").to_numpy("int64"),
                         "key": counts.index.get_level_values("key").to_numpy("int64"),
                         "count": counts.to_numpy("int64")})


def _positioned_texts(part: pd.DataFrame, number: int, offsets: list[int]) -> pd.DataFrame:
    start = offsets[number]
    return part[["text"]].assign(position=np.arange(start, start + len(part), dtype="int64"))


def _texts_at(engine, corpus, offsets: list[int], positions: np.ndarray) -> pd.Series:
    """The texts at ``positions`` (a Series indexed by position), read where they are."""
    if len(positions) == 0:
        return pd.Series([], dtype=object)
    texts = engine.map_partitions(corpus[["text"]], _positioned_texts, offsets, numbered=True)
    found = engine.collect(texts[texts["position"].isin(positions)])
    return pd.Series(found["text"].tolist(), index=found["position"].to_numpy("int64"),
                     dtype=object).sort_index()


def _members(engine, sketches, positions: np.ndarray, copies: pd.DataFrame) -> pd.DataFrame:
    """The sketches at ``positions``, in corpus order; each copy's signature is taken from its
    representative (the same words), so only the representatives' signatures come back."""
    described = engine.collect(
        sketches[sketches["position"].isin(positions)].drop(columns="signature"))
    signed = np.setdiff1d(positions, copies["position"].to_numpy())
    signatures = engine.collect(sketches[sketches["position"].isin(signed)][["position",
                                                                            "signature"]])
    signature_of = dict(zip(signatures["position"].tolist(), signatures["signature"],
                            strict=True))
    representative = dict(zip(copies["position"].tolist(), copies["representative"].tolist(),
                              strict=True))
    described = described.sort_values("position", ignore_index=True)
    described.insert(described.columns.get_loc("shingles") + 1, "signature",
                     [signature_of[representative.get(position, position)]
                      for position in described["position"].tolist()])
    return described
