"""Near-duplicate detection across the whole store, so syndicated copies are not counted twice.

Agencies' stories are republished by dozens of sites with their own headers, footers and small
edits. Exact hashes miss those copies; comparing every pair does not scale. Each article's
cleaned text is cut into overlapping three-word shingles and summarised by a MinHash signature
(128 permutations); datasketch's LSH index finds earlier articles whose estimated Jaccard
similarity of shingles reaches :data:`DEFAULT_THRESHOLD` (0.8) without comparing all pairs.

Measured on the example corpus: an AP story and its syndicated copy (other header and footer,
one sentence reworded) share 0.87 of their shingles; a Reuters story on the same shelling, the
same day, shares 0.04. 0.8 sits between with room for MinHash's estimation error (±0.03 at 128
permutations).

Signatures are stored with each article (``articles.minhash``), and the index is rebuilt from
the store when a run starts, so a copy stored in a later run still finds the first. Memory is
about 2.5 KB per stored article (signature plus LSH bands): ~250 MB for 100,000 articles.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from eventwire.model import Article

#: Estimated Jaccard similarity of shingle sets at and above which an article is a copy.
DEFAULT_THRESHOLD = 0.8
#: Permutations per signature: estimation error ~ sqrt(J(1-J)/n), ±0.03 near the threshold.
NUM_PERM = 128
#: Words per shingle: three keeps one reworded sentence from costing more than a few percent.
SHINGLE_WORDS = 3
#: Texts shorter than this many words get no signature: too little to call anything a copy.
MIN_WORDS = 10
#: Fixed seed and permutation scheme: signatures stored by one run must be comparable with
#: those of the next (and of a later datasketch whose default scheme may change).
SEED = 1
SCHEME = "affine32"
#: Blob header: format tag and permutation count, so a signature made with other settings is
#: recognised and ignored instead of compared wrongly.
BLOB_HEADER = struct.Struct("<4sH")
BLOB_TAG = b"EWM1"
WORDS = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[bytes]:
    """Lower-cased ``size``-word shingles of ``text`` (punctuation and spacing ignored)."""
    words = WORDS.findall(text.casefold())
    return [" ".join(words[index : index + size]).encode("utf-8") for index in range(len(words) - size + 1)]


class DuplicateIndex:
    """Finds, for an article, an earlier stored article with nearly the same text.

    Use: ``index = DuplicateIndex.from_signatures(store.minhashes())``; per processed article,
    ``article.duplicate_of = index.check(article)``, store it with
    ``minhash=index.signature(article)``, then ``index.add(article)``.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: dict[str, int] = {}
        self._signatures: dict[str, LeanMinHash] = {}
        self._last: tuple[str, str, LeanMinHash | None] | None = None
        # A MinHash draws its permutations from the seed on creation; made once, shared by all.
        self._permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
        self.ignored_signatures = 0
        """Stored signatures made with other settings (skipped when loading)."""

    @classmethod
    def from_signatures(
        cls, rows: Iterable[tuple[str, bytes]], threshold: float = DEFAULT_THRESHOLD
    ) -> DuplicateIndex:
        """An index holding stored ``(article_id, signature blob)`` rows, oldest first."""
        index = cls(threshold=threshold)
        for article_id, blob in rows:
            minhash = index._decode(blob)
            if minhash is None:
                index.ignored_signatures += 1
                continue
            index._insert(article_id, minhash)
        return index

    def __len__(self) -> int:
        return len(self._order)

    def signature(self, article: Article) -> bytes | None:
        """The article's signature as stored in the database (None for very short texts)."""
        minhash = self._minhash(article)
        if minhash is None:
            return None
        values = np.asarray(minhash.hashvalues, dtype="<u4")
        return BLOB_HEADER.pack(BLOB_TAG, self.num_perm) + values.tobytes()

    def check(self, article: Article) -> str | None:
        """``article_id`` of the earliest indexed article this one nearly duplicates, or None.

        The article itself (same id, e.g. a re-run) is never its own duplicate; LSH candidates
        are confirmed against the threshold, since banding lets some lower pairs through.
        """
        minhash = self._minhash(article)
        if minhash is None:
            return None
        matches = [
            candidate
            for candidate in self._lsh.query(minhash)
            if candidate != article.article_id
            and self._signatures[candidate].jaccard(minhash) >= self.threshold
        ]
        return min(matches, key=self._order.__getitem__, default=None)

    def add(self, article: Article) -> None:
        """Index ``article`` so later copies point at it (no-op for short or known articles)."""
        minhash = self._minhash(article)
        if minhash is not None and article.article_id not in self._order:
            self._insert(article.article_id, minhash)

    def _insert(self, article_id: str, minhash: LeanMinHash) -> None:
        if article_id in self._order:
            return
        self._order[article_id] = len(self._order)
        self._signatures[article_id] = minhash
        self._lsh.insert(article_id, minhash, check_duplication=False)

    def _minhash(self, article: Article) -> LeanMinHash | None:
        """The article's MinHash, computed once even though check, signature and add all ask."""
        if self._last and self._last[:2] == (article.article_id, article.text):
            return self._last[2]
        tokens = shingles(article.text)
        minhash: LeanMinHash | None = None
        if len(tokens) >= MIN_WORDS - SHINGLE_WORDS + 1:
            full = MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME, permutations=self._permutations)
            full.update_batch(tokens)
            minhash = LeanMinHash(full)
        self._last = (article.article_id, article.text, minhash)
        return minhash

    def _decode(self, blob: bytes) -> LeanMinHash | None:
        if len(blob) < BLOB_HEADER.size:
            return None
        tag, num_perm = BLOB_HEADER.unpack_from(blob)
        values = blob[BLOB_HEADER.size :]
        if tag != BLOB_TAG or num_perm != self.num_perm or len(values) != 4 * num_perm:
            return None
        # Same dtype as a fresh MinHash: LSH bands hash the raw bytes, so uint64 would never match.
        hashvalues = np.frombuffer(values, dtype="<u4").astype(np.uint32)
        return LeanMinHash(seed=SEED, hashvalues=hashvalues, scheme=SCHEME)
