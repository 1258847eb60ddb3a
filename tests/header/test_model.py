"""The header scorer: weights as validated data, arithmetic that matches the fitting library,
decisions that come from the weights, and an explanation a reader can follow."""

from __future__ import annotations

import json
import math

import pytest

from cmvisit_data.header import model
from cmvisit_data.header.features import FEATURES
from cmvisit_data.parse import parse_text

PAGE = (
    "Chhattisgarh\n\n"
    "State opens three new skill centres for tribal youth in Bastar\n\n"
    "Jagdalpur: The state government on Monday opened three skill training centres in Bastar, where "
    "young people from tribal villages will learn welding, nursing and computer work.\n\n"
    "Officials said the centres would train about two thousand students a year and that a fourth "
    "centre would open in Dantewada next spring.\n"
)


def _weights(**role_overrides) -> dict:
    data = json.loads(model.WEIGHTS_PATH.read_text(encoding="utf-8"))
    for role, changes in role_overrides.items():
        data["roles"][role].update(changes)
    return data


def test_shipped_weights_name_every_feature_the_parser_computes_and_no_other():
    shipped = model.load()
    for role, names in FEATURES.items():
        assert set(shipped.role(role).features) == set(names)
    about = shipped.about
    assert about["fitted_with"].startswith("scikit-learn ")
    assert len(about["training_set"]["sha256"]) == 64


def test_weights_with_an_unknown_feature_or_role_are_refused(tmp_path):
    data = _weights()
    data["roles"]["title"]["features"][0] = "not_a_feature"
    with pytest.raises(model.WeightsError, match="not_a_feature"):
        model.from_dict(data, FEATURES)
    data = _weights()
    del data["roles"]["published"]
    with pytest.raises(model.WeightsError, match="/roles"):
        model.from_dict(data, FEATURES)
    data = _weights()
    data["roles"]["title"]["coef"].pop()
    with pytest.raises(model.WeightsError, match=r"features but \d+ coefficients"):
        model.from_dict(data, FEATURES)
    broken = tmp_path / "w.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(model.WeightsError, match="cannot read"):
        model.load(broken)


def test_score_is_the_logistic_of_the_weighted_sum():
    rm = model.RoleModel(("a", "b"), (2.0, -1.0), 0.5, 0.5)
    z = 0.5 + 2.0 * 0.25 - 1.0 * 1.0
    assert rm.score({"a": 0.25, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-z)))
    assert rm.margin({"a": 0.25}) == 0.5 + 2.0 * 0.25  # a feature not computed counts as 0
    assert rm.margin({"a": 0.25, "b": 1.0}) == z
    assert rm.contributions({"a": 0.25, "b": 1.0}) == [("b", 1.0, -1.0), ("a", 0.25, 0.5)]


def test_choose_takes_the_best_candidate_only_above_the_threshold():
    rm = model.RoleModel(("a",), (4.0,), -2.0, 0.6)
    assert rm.choose([{"a": 0.0}, {"a": 1.0}, {"a": 0.5}]) == (1, pytest.approx(rm.score({"a": 1.0})))
    assert rm.choose([{"a": 0.0}, {"a": 0.5}]) is None  # best is 0.5 < 0.6
    assert rm.choose([]) is None


def test_runtime_scores_match_scikit_learn_on_the_same_features():
    sklearn_lm = pytest.importorskip("sklearn.linear_model")
    names = ("x1", "x2", "x3")
    xs = [[0, 0, 1], [1, 0, 0], [1, 1, 0], [0, 1, 1], [1, 1, 1], [0, 0, 0], [1, 0, 1], [0, 1, 0]]
    ys = [0, 1, 1, 0, 1, 0, 1, 0]
    clf = sklearn_lm.LogisticRegression(C=1.0).fit(xs, ys)
    rm = model.RoleModel(names, tuple(float(c) for c in clf.coef_[0]), float(clf.intercept_[0]), 0.5)
    for x, p in zip(xs, clf.predict_proba(xs)[:, 1], strict=True):
        assert rm.score(dict(zip(names, x, strict=True))) == pytest.approx(float(p), abs=1e-9)


def test_the_shipped_weights_find_the_headline_under_a_section_label():
    record = parse_text(PAGE)
    assert record["metadata"]["title"] == "State opens three new skill centres for tribal youth in Bastar"
    assert record["metadata"]["dateline"] == "Jagdalpur"


def test_parsing_is_a_function_of_the_weights():
    never = model.from_dict(_weights(title={"threshold": 1.0}), FEATURES)
    assert parse_text(PAGE, never)["metadata"]["title"] is None
    # weights that prefer the first line take the section label
    first = model.from_dict(
        _weights(title={"features": ["first"], "coef": [10.0], "intercept": -5.0, "threshold": 0.5}), FEATURES
    )
    assert parse_text(PAGE, first)["metadata"]["title"] == "Chhattisgarh"


def test_explain_lists_every_candidate_with_its_score_and_reasons():
    why: dict = {}
    parse_text(PAGE, explain=why)
    title = why["title"]
    texts = [c["text"] for c in title["candidates"]]
    assert texts[:2] == ["Chhattisgarh", "State opens three new skill centres for tribal youth in Bastar"]
    chosen = title["candidates"][title["chosen"]]
    assert chosen["text"] == texts[1]
    assert chosen["score"] >= title["threshold"] > title["candidates"][0]["score"]
    assert all(PAGE[c["start"] : c["end"]] == c["text"] for c in title["candidates"])
    assert chosen["because"] and all(isinstance(n, str) for n, _ in chosen["because"])
    assert "published" in why


def test_can_reach_bounds_the_score_by_the_features_not_yet_computed():
    role = model.RoleModel(("a", "b"), (1.0, 2.0), -2.0, 0.5)  # reaches 0.5 where a + 2b >= 2
    assert role.can_reach({"a": 0.0})  # b may still be 1
    assert not role.can_reach({"b": 0.0})  # a is at most 1: margin at most -1
    assert role.can_reach({"a": 1.0, "b": 0.5})
    assert not role.can_reach({"a": 0.5, "b": 0.5})
    negative = model.RoleModel(("a",), (-3.0,), 1.0, 0.5)
    assert negative.can_reach({})  # an unknown feature with a negative weight counts as 0
    assert not model.RoleModel(("a",), (1.0,), 0.0, 1.0).can_reach({})  # a role that never decides


def test_pruned_candidates_change_no_decision(tmp_path):
    # --explain computes every candidate in full; a plain parse prunes: the records are equal.
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    pages = [PAGE, PAGE.replace("\n\n", "\n"), *(p.read_text(encoding="utf-8") for p in seeds)]
    for raw in pages:
        why: dict = {}
        assert parse_text(raw, explain=why) == parse_text(raw)
    # and pruning does happen on such a page: its second, long body line cannot be the title
    from cmvisit_data import segment
    from cmvisit_data.extract.header_features import title_candidates

    long_page = PAGE.replace("next spring.", "next spring, and a fifth one in Sukma the year after that.")
    lines = segment.split_lines(long_page)
    segment.classify(lines)
    text_lines = [x for x in lines if x.kind == segment.TEXT]
    pruned = sum(
        bool(c.facts.get("pruned")) for c in title_candidates(lines, text_lines, model.load().role("title"))
    )
    assert pruned >= 1


def test_can_reach_also_needs_to_beat_an_earlier_candidate():
    role = model.RoleModel(("a", "b"), (1.0, 2.0), -2.0, 0.5)  # margin at most 1 when a = 1
    assert role.can_reach({"a": 1.0}, beat=0.5)
    assert role.can_reach({"a": 1.0}, beat=1.0)  # a tie is let through: the bound is not exact
    assert not role.can_reach({"a": 1.0}, beat=1.5)


SUBHEADS = (
    "State opens three new skill centres for tribal youth in Bastar\n\n"
    "Centres to train two thousand students a year\n\n"
    "Fourth centre planned for Dantewada next spring\n\n"
    "Jagdalpur: The state government on Monday opened three skill training centres in Bastar, where "
    "young people from tribal villages will learn welding, nursing and computer work.\n\n"
    "Officials said the centres would train about two thousand students a year and that a fourth "
    "centre would open in Dantewada next spring.\n"
)


def test_headline_shaped_lines_below_the_first_are_pruned_when_they_cannot_win():
    # Once a headline-shaped line has come, a later one's shape decides nothing: it is pruned
    # as soon as it cannot reach the threshold, or cannot beat the candidate scored in full.
    from cmvisit_data import segment
    from cmvisit_data.extract.header_features import title_candidates

    class NoBeat(model.RoleModel):  # the same model, but blind to the candidates above
        def can_reach(self, known, beat=None):
            return super().can_reach(known)

    assert parse_text(SUBHEADS, explain={}) == parse_text(SUBHEADS)
    lines = segment.split_lines(SUBHEADS)
    segment.classify(lines)
    text_lines = [x for x in lines if x.kind == segment.TEXT]
    role = model.load().role("title")
    title, second, third, *_ = title_candidates(lines, text_lines, role)
    assert not title.facts.get("pruned")
    # Both are shaped like headlines, and pruned before their text is read (stage 3): once a
    # shaped line has come, a later one's first_shaped is 0 without reading its text.
    assert second.facts["pruned"] < 3 and third.facts["pruned"] < 3
    # On its shape and place the third could still reach the threshold: only the title above
    # rules it out that early; a model blind to the title has to read on (its text, stage 3).
    blind = NoBeat(role.features, role.coef, role.intercept, role.threshold)
    assert third.facts["pruned"] == 1
    assert title_candidates(lines, text_lines, blind)[2].facts.get("pruned", 4) > 1
