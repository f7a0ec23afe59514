"""Near-duplicate readouts (reprints) by MinHash over word triples, with locality-sensitive bands in PostgreSQL.

A readout's paragraphs become a set of word triples; datasketch's MinHash turns the set into SIGNATURE_SIZE
numbers such that two signatures agree in about the share of triples the texts have in common (their Jaccard
similarity). The signature is cut into BANDS bands of ROWS numbers, each band hashed to one integer: texts that
agree on a whole band are candidates. With 16 bands of 4, a pair of texts sharing 70% of their triples is a
candidate with a probability of 0.98, one sharing 20% with 0.03. The bands sit in a GIN-indexed array
(ReadoutFingerprint.bands), so finding the candidates of a new readout is 16 index lookups at any archive size,
where a trigram similarity over whole texts reads every posting list of the text's thousand trigrams.
"""

import hashlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from readouts.meetings.text import shingles

BANDS, ROWS = 16, 4
SIGNATURE_SIZE = BANDS * ROWS
# The estimated share of word triples above which one text is a reprint of the other. Two sides' accounts of one
# meeting, told independently, share under a tenth; an agency text reprinted with a new dateline, reflowed lines
# and a few typos keeps most of its triples.
REPRINT_SIMILARITY = 0.5
# A reprint is carried within this many days of its original (the days that date their meetings, the meeting's
# else the publication's): two texts alike in words but dated weeks apart are two meetings told in one formula
# (an office's stock phrases, the demo's phrasebooks), not a copy. A reprint's original is an original itself.
REPRINT_DAYS = 14
SEED = 1


@dataclass(frozen=True)
class Fingerprint:
    signature: tuple[int, ...]
    bands: tuple[int, ...]


def fingerprint(text: str) -> Fingerprint | None:
    """The text's signature and bands; None for a text too short to tell a reprint by (under three words)."""
    triples = shingles(text)
    if not triples or len(triples) < 2:
        return None
    minhash = MinHash(num_perm=SIGNATURE_SIZE, seed=SEED)
    minhash.update_batch([triple.encode("utf-8") for triple in sorted(triples)])
    signature = tuple(int(value) for value in minhash.hashvalues)
    return Fingerprint(signature, bands_of(signature))


def bands_of(signature: tuple[int, ...]) -> tuple[int, ...]:
    """Each band of ROWS values hashed, with its number, into a signed 64-bit integer (a PostgreSQL bigint)."""
    bands = []
    for band in range(BANDS):
        values = np.asarray(signature[band * ROWS : (band + 1) * ROWS], dtype=np.uint64).tobytes()
        digest = hashlib.blake2b(bytes([band]) + values, digest_size=8).digest()
        bands.append(int.from_bytes(digest, "big", signed=True))
    return tuple(bands)


def within_reprint_days(first, second) -> bool:
    """Whether two readouts' days (dates, or None when unknown) allow one to be the other's reprint."""
    return first is None or second is None or abs((first - second).days) <= REPRINT_DAYS


def similarity(first, second) -> float:
    """The estimated Jaccard similarity of two texts from their signatures: the share of equal values."""
    if len(first) != len(second) or not first:
        return 0.0
    return sum(1 for a, b in zip(first, second, strict=True) if a == b) / len(first)
