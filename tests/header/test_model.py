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
    broken = tmp_path / "w.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(model.WeightsError, match="cannot read"):
        model.load(broken)


def test_score_is_the_logistic_of_the_weighted_sum():
    rm = model.RoleModel(("a", "b"), (2.0, -1.0), 0.5, 0.5)
    z = 0.5 + 2.0 * 0.25 - 1.0 * 1.0
    assert rm.score({"a": 0.25, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-z)))
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
