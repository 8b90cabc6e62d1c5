"""twitter-text's conformance suite (vendored in ``twitter_text/``, Apache-2.0):
extraction of links, mentions and hashtags, and the weighted length."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
import yaml

from governance.text import twitter_text

SUITE = Path(__file__).parent / "twitter_text"
ROOT = Path(__file__).parents[2]


def _cases(file: str, *sections: str) -> list[Any]:
    tests = yaml.safe_load((SUITE / file).read_text(encoding="utf-8"))["tests"]
    return [pytest.param(case, id=f"{section}: {case['description']}")
            for section in sections for case in tests[section]]


@pytest.mark.parametrize("case", _cases("extract.yml", "urls", "tco_urls_with_params"))
def test_urls(case: dict[str, Any]) -> None:
    assert [url.value for url in twitter_text.extract_urls(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "urls_with_indices",
                                        "urls_with_directional_markers"))
def test_urls_with_indices(case: dict[str, Any]) -> None:
    found = [{"url": url.value, "indices": [url.start, url.end]}
             for url in twitter_text.extract_urls(case["text"])]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases("tlds.yml", "country", "generic"))
def test_every_top_level_domain(case: dict[str, Any]) -> None:
    assert [url.value for url in twitter_text.extract_urls(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions"))
def test_mentions(case: dict[str, Any]) -> None:
    assert [m.value for m in twitter_text.extract_mentions(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions_with_indices"))
def test_mentions_with_indices(case: dict[str, Any]) -> None:
    found = [{"screen_name": m.value, "indices": [m.start, m.end]}
             for m in twitter_text.extract_mentions(case["text"])]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags", "hashtags_from_astral"))
def test_hashtags(case: dict[str, Any]) -> None:
    assert [h.value for h in twitter_text.extract_hashtags(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags_with_indices"))
def test_hashtags_with_indices(case: dict[str, Any]) -> None:
    found = [{"hashtag": h.value, "indices": [h.start, h.end]}
             for h in twitter_text.extract_hashtags(case["text"])]
    assert found == case["expected"]


@pytest.mark.parametrize("case", _cases(
    "validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest",
    "UnicodeDirectionalMarkerCounterTest"))
def test_weighted_length(case: dict[str, Any]) -> None:
    assert twitter_text.weighted_length(case["text"]) == case["expected"]["weightedLength"]


def test_the_generated_tld_list_is_current() -> None:
    spec = importlib.util.spec_from_file_location(
        "generate_twitter_tlds", ROOT / "scripts" / "generate_twitter_tlds.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.TARGET.read_text(encoding="utf-8") == generator.render()
