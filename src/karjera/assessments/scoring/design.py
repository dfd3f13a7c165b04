"""Balanced designs for choice tasks.

The projective plane of order 4 has 21 points and 21 lines of 5 points, and every two points lie on
exactly one common line. Taking statements as points and screens as lines gives 21 screens of five
statements in which every pair of statements meets exactly once: balanced by construction. The lines
are the translates of a perfect difference set modulo 21 (Singer's construction).
"""
from __future__ import annotations

from itertools import combinations

DIFFERENCE_SET_21 = (0, 1, 4, 14, 16)  # every non-zero residue mod 21 is a difference exactly once


def projective_plane_order_4() -> list[tuple[int, ...]]:
    """21 blocks of 5 point indexes (0-20); block i is the difference set shifted by i, with the
    positions rotated by i so that each point appears in every position about equally often."""
    blocks = []
    for shift in range(21):
        block = [(d + shift) % 21 for d in DIFFERENCE_SET_21]
        k = shift % 5
        blocks.append(tuple(block[k:] + block[:k]))
    return blocks


def is_balanced(blocks: list[tuple[int, ...]], points: int) -> bool:
    """Every pair of points together in exactly one block."""
    seen: dict[tuple[int, int], int] = {}
    for block in blocks:
        for a, b in combinations(sorted(block), 2):
            seen[(a, b)] = seen.get((a, b), 0) + 1
    return len(seen) == points * (points - 1) // 2 and set(seen.values()) == {1}
