# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The arithmetic of a vote of the general assembly, apart from the ORM so
that the worked examples of the statutes can be checked line by line.

Exact fractions: a resolution carried by exactly two thirds must not fail on
a rounding error."""
from collections import namedtuple
from fractions import Fraction

ORDINARY = Fraction(1, 2)
EXTRAORDINARY = Fraction(2, 3)

CollegeCount = namedtuple('CollegeCount', 'key weight yes no abstain')
CollegeFigure = namedtuple(
    'CollegeFigure', 'key weight effective_weight yes no abstain yes_share '
                     'contribution')
VoteResult = namedtuple('VoteResult', 'colleges total adopted renormalised')


def _exact(number):
    # A weight typed as 33.33 means 3333/100, not its binary float.
    return Fraction(str(number))


def weighted_result(counts, majority='ordinary'):
    """``counts``: CollegeCount per college (weights in percent; one college
    of weight 100 for one member one vote). In each college, the share of
    "yes" among the expressed votes (abstentions are not expressed) counts
    for the college's weight; colleges where nobody expressed a vote drop
    out and the others' weights are scaled back to 100 (``renormalised``).
    Ordinary resolutions need more than half of the weighted votes,
    extraordinary ones at least two thirds. Shares and weights returned in
    percent, as Fractions."""
    voting = [c for c in counts if c.yes + c.no]
    voting_weight = sum(_exact(c.weight) for c in voting)
    total = Fraction(0)
    figures = []
    for count in counts:
        expressed = count.yes + count.no
        if expressed and voting_weight:
            effective = _exact(count.weight) * 100 / voting_weight
            share = Fraction(count.yes * 100, expressed)
        else:
            effective = share = Fraction(0)
        contribution = share * effective / 100
        total += contribution
        figures.append(CollegeFigure(
            count.key, _exact(count.weight), effective, count.yes,
            count.no, count.abstain, share, contribution))
    if majority == 'extraordinary':
        adopted = bool(voting) and total >= EXTRAORDINARY * 100
    else:
        adopted = bool(voting) and total > ORDINARY * 100
    renormalised = bool(voting) and len(voting) < len(
        [c for c in counts if c.weight])
    return VoteResult(figures, total, adopted, renormalised)
