"""The fitted scorer: per role, a logistic model over named features, read from JSON.

Weights are data, not pickles: `weights.json` beside this module holds, for each role, the
feature names, coefficients, intercept and decision threshold, with the fitting library's
version and a digest of the training set (written by `tools/fit_header.py`). Scoring is
plain arithmetic, so parsing stays a pure function of the text and the weights, and needs no
fitting library at run time.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
FORMAT = 1
# How far below an earlier candidate's margin a bound must fall to rule a candidate out: far
# above the rounding of a sum of a few dozen terms, far below any real difference of margins.
BOUND_SLACK = 1e-9
# The largest magnitude a weight, intercept or threshold may have. Fitted ones are a few units
# (features lie in [0, 1]); a margin past +-40 is already a certainty in floating point, and
# below this bound the rounding of a sum of a few dozen terms stays far under BOUND_SLACK,
# while 1e308 would overflow the sum to infinity.
MAX_WEIGHT = 1e3
# The largest weights file read: the package's is under 3 KB; a hundred times its features
# still fits, and a hostile file is refused before it is read into memory.
MAX_WEIGHTS_BYTES = 1 << 20


class WeightsError(ValueError):
    """A weights file that cannot be used: the message says which entry and why."""


@dataclass(frozen=True)
class RoleModel:
    """One role's logistic model: P(candidate has the role) = sigmoid(intercept + coef . x)."""

    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def margin(self, values: Mapping[str, float]) -> float:
        # A feature not computed counts as 0.
        terms = (w * values.get(n, 0.0) for n, w in zip(self.features, self.coef, strict=True))
        return self.intercept + sum(terms)

    def score(self, values: Mapping[str, float]) -> float:
        z = self.margin(values)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    def can_reach(self, known: Mapping[str, float], beat: float | None = None) -> bool:
        """Whether a candidate whose features `known` are computed could still score at the
        threshold, and above an earlier candidate's margin `beat` (which wins a tie), whatever
        its other features (each in [0, 1]) turn out to be: if not, they need not be
        computed, and the decision is the same."""
        if self.threshold >= 1.0:
            return False
        # Every feature at its most favourable value, then the known ones at theirs; the terms
        # of a set of known features are looked up once (a candidate's cheap features are the
        # same names each time) and summed in C.
        coef, favourable = self._known_terms(tuple(known))
        best = self._ceiling - favourable + sum(map(operator.mul, coef, known.values()))
        # BOUND_SLACK: the bound adds the terms in another order than margin() does, so it
        # rules a candidate out only when it falls short by more than rounding could explain.
        if beat is not None and best < beat - BOUND_SLACK:
            return False
        return self.threshold <= 0.0 or best >= self._logit - BOUND_SLACK

    def staged(
        self,
        stages: Sequence[Callable[[], Mapping[str, float]]],
        beat: float | None = None,
        known: Callable[[dict[str, float]], Mapping[str, float] | None] = lambda values: values,
    ) -> tuple[dict[str, float], int]:
        """A candidate's features, computed stage by stage (cheapest first); after each stage
        but the last, the candidate is stopped when it can no longer be chosen (`can_reach`
        with `beat`): its remaining features need not be computed, and the decision is the
        same. `known` gives the features a bound may rest on (the caller may add features it
        derives from them), or None while no bound may be taken yet. Returns the features
        computed and how many stages ran (len(stages) when none stopped it)."""
        values: dict[str, float] = {}
        for done, stage in enumerate(stages, 1):
            values.update(stage())
            if done < len(stages):
                bound = known(values)
                if bound is not None and not self.can_reach(bound, beat):
                    return values, done
        return values, len(stages)

    @cached_property
    def _ceiling(self) -> float:
        return self.intercept + sum(max(w, 0.0) for w in self.coef)

    @cached_property
    def _logit(self) -> float:
        return math.log(self.threshold / (1.0 - self.threshold))

    def _known_terms(self, names: tuple[str, ...]) -> tuple[tuple[float, ...], float]:
        """For features `names`: their weights (0 for a name the role does not use), and the
        sum of their favourable contributions max(w, 0)."""
        cache = self._terms_of
        got = cache.get(names)
        if got is None:
            weights = dict(zip(self.features, self.coef, strict=True))
            coef = tuple(weights.get(n, 0.0) for n in names)
            got = cache[names] = (coef, sum(max(w, 0.0) for w in coef))
        return got

    @cached_property
    def _terms_of(self) -> dict[tuple[str, ...], tuple[tuple[float, ...], float]]:
        return {}

    def contributions(self, values: Mapping[str, float]) -> list[tuple[str, float, float]]:
        """(feature, value, weight x value) for every non-zero term, largest effect first."""
        terms = [
            (n, values.get(n, 0.0), w * values.get(n, 0.0))
            for n, w in zip(self.features, self.coef, strict=True)
        ]
        return sorted((t for t in terms if t[2]), key=lambda t: -abs(t[2]))

    def choose(self, candidates: Sequence[Mapping[str, float]]) -> tuple[int, float] | None:
        """The best-scoring candidate and its score, when it reaches the threshold."""
        best: tuple[int, float] | None = None
        for i, values in enumerate(candidates):
            s = self.score(values)
            if best is None or s > best[1]:
                best = (i, s)
        return best if best is not None and best[1] >= self.threshold else None


@dataclass(frozen=True)
class HeaderModel:
    roles: Mapping[str, RoleModel]
    about: Mapping[str, Any]

    def role(self, name: str) -> RoleModel:
        return self.roles[name]


def from_dict(data: Any, known: Mapping[str, Sequence[str]], where: str = "weights") -> HeaderModel:
    """A model from parsed JSON; every role and feature must be one the parser computes."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WeightsError(f"{where}: not a header weights file of format {FORMAT}")
    roles_in = data.get("roles")
    if not isinstance(roles_in, dict) or set(roles_in) != set(known):
        raise WeightsError(f"{where}: /roles must hold exactly {sorted(known)}")
    roles: dict[str, RoleModel] = {}
    for name, entry in roles_in.items():
        try:
            features = tuple(str(f) for f in entry["features"])
            coef = tuple(_number(c, f"{where}: /roles/{name}/coef/{i}") for i, c in enumerate(entry["coef"]))
            intercept = _number(entry["intercept"], f"{where}: /roles/{name}/intercept")
            threshold = _number(entry["threshold"], f"{where}: /roles/{name}/threshold")
            model = RoleModel(features, coef, intercept, threshold)
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            if isinstance(exc, WeightsError):
                raise
            raise WeightsError(f"{where}: /roles/{name} is malformed ({exc})") from None
        unknown = sorted(set(features) - set(known[name]))
        if unknown:
            raise WeightsError(
                f"{where}: /roles/{name} names features the parser does not compute: {unknown}"
            )
        if len(features) != len(coef):
            raise WeightsError(
                f"{where}: /roles/{name} has {len(features)} features but {len(coef)} coefficients"
            )
        roles[name] = model
    return HeaderModel(roles, {k: v for k, v in data.items() if k != "roles"})


def _number(value: Any, where: str) -> float:
    """value as a weight: a finite number (not a bool) of magnitude at most MAX_WEIGHT."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise WeightsError(f"{where}: {value!r:.40} is not a number")
    if isinstance(value, int) and abs(value) > MAX_WEIGHT:
        raise WeightsError(f"{where}: a number of magnitude over {MAX_WEIGHT:g}, the most a weight may have")
    number = float(value)
    if not math.isfinite(number) or abs(number) > MAX_WEIGHT:
        raise WeightsError(
            f"{where}: {number!r} is over {MAX_WEIGHT:g} in magnitude, the most a weight may have"
        )
    return number


def load(path: str | Path | None = None) -> HeaderModel:
    """The weights at path, or the package's own (read once)."""
    if path is None:
        return _default()
    return _read(Path(path))


def _read(path: Path) -> HeaderModel:
    from ..strictjson import StrictJSONError, read
    from .features import FEATURES

    try:
        data = read(path, MAX_WEIGHTS_BYTES)
    except StrictJSONError as exc:  # every refusal: the file, the place and what is wrong
        raise WeightsError(f"{path}: cannot read the weights: {exc}") from None
    except OSError as exc:
        raise WeightsError(f"{path}: cannot read the weights ({exc.strerror})") from None
    return from_dict(data, FEATURES, str(path))


@lru_cache(maxsize=1)
def _default() -> HeaderModel:
    return _read(WEIGHTS_PATH)
