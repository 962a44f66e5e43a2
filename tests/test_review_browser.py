"""The review page in a real browser: headless Chromium (Debian's ``chromium``) driven by
Selenium through Debian's ``chromium-driver``, nothing downloaded. An analyst opens an
article, rejects a claim and corrects another's object and its id; the store then holds the
two actions with the reviewer, and the exported gold validates and scores.

Skipped without Chromium, its driver or selenium; under ``CI=true`` their absence fails
(.ci/run installs them)."""

from __future__ import annotations

import importlib.util
import os

import pytest
import yaml
from conftest import ROOT
from reviewdata import BODY, JUNTA, stored

from pipeline import api
from pipeline.stores import open_store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def script():
    """scripts/review_screenshots.py (the driver and the server in a thread)."""
    spec = importlib.util.spec_from_file_location("review_screenshots", ROOT / "scripts" / "review_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problem = module.missing()
    if problem:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"CI is set but {problem} (.ci/run installs it)")
        pytest.skip(problem)
    return module


@pytest.fixture
def driver(script):
    found = script.browser(width=1400, height=1000)
    try:
        yield found
    finally:
        found.quit()


def test_analyst_rejects_a_claim_and_corrects_an_argument_in_the_browser(script, driver, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    url = stored(f"sqlite:///{tmp_path / 'claims.db'}")
    with script.serving(url, reviewer="ana") as site:
        # the list of articles, then the article
        driver.get(f"{site}/")
        with script.next_page(driver):
            driver.find_element(By.LINK_TEXT, "niger-a").click()
        assert driver.find_element(By.ID, "article-id").text == "niger-a"
        assert driver.find_element(By.ID, "reviewer").text == "ana"
        body = driver.find_element(By.ID, "body")
        assert body.text.replace("\n", "").startswith("Niger")  # the text as written, labels inline
        assert len(driver.find_elements(By.CSS_SELECTOR, "article.claim")) == 3

        # pointing at a claim lights its subject, trigger and object in the text
        ActionChains(driver).move_to_element(script.card(driver, 0)).perform()
        lit = {
            role: [e.text for e in body.find_elements(By.CSS_SELECTOR, f".seg.hl-{role}")] for role in ("s", "t", "o")
        }
        assert lit == {"s": ["Niger", "'s junta"], "t": ["closed"], "o": ["airspace"]}

        # reject the sanction
        script.press(driver, 1, "reject")
        assert "rejected" in script.card(driver, 1).get_attribute("class")
        assert "rejected: " in driver.find_element(By.CSS_SELECTOR, ".flash").text

        # a wrong object is refused, with the reason on its field
        script.correct(driver, 2, {"object_text": "the border"})
        error = script.card(driver, 2).find_element(By.CSS_SELECTOR, "label.invalid .err").text
        assert "is not in the claim's sentence" in error

        # correct the criticism's object and give it an id
        script.correct(driver, 2, {"object_text": "coup in Niamey", "object_id": "2023_Nigerien_coup_d'état"})
        card = script.card(driver, 2)
        assert "corrected" in card.get_attribute("class")
        assert card.find_element(By.CSS_SELECTOR, ".triple .o").text == "2023_Nigerien_coup_d'état"
        counts = driver.find_element(By.ID, "counts").text
        assert "1 corrected" in counts and "1 rejected" in counts and "1 unreviewed" in counts

        # accept the closure
        script.press(driver, 0, "accept")

    with open_store(url) as store:
        rows = store.reviews()
        assert [(r.action, r.claim_id, r.reviewer) for r in rows] == [
            ("reject", "c-sanction", "ana"),
            ("correct", "c-criticize", "ana"),
            ("accept", "c-close", "ana"),
        ]
        start = BODY.index("coup in Niamey")
        assert rows[1].fields.changes() == {
            "object": {"text": "coup in Niamey", "start": start, "end": start + 14, "id": "2023_Nigerien_coup_d'état"}
        }
        assert [c.object.text for c in store.get("niger-a").claims] == ["airspace", "Niger", "coup"]  # untouched

    out = tmp_path / "reviewed"
    done = api.export_gold(store=url, out_dir=out)
    assert done.articles == {"niger-a": 2}
    gold = yaml.safe_load((out / "gold" / "niger-a.yaml").read_text(encoding="utf-8"))
    assert [(g["subject"], g["predicate"], g["object"]) for g in gold["claims"]] == [
        (JUNTA, "close", "airspace"),
        ("France", "criticize", "2023_Nigerien_coup_d'état"),
    ]
    assert api.validate_gold(out / "gold") == ([], [])
    pred = tmp_path / "pred.jsonl"
    api.export(store=url, output=pred)
    core = api.score(pred, gold=out / "gold").total.claims.core
    # the rejected sanction is the machine's false positive; its unlinked object "coup" still
    # matches the corrected one (SPEC 6: a content word shared), so the criticism counts once
    assert (core.tp, core.fp, core.fn) == (2, 1, 0)
