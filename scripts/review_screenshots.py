"""Look at the review page in headless Chromium: screenshots for docs/, and the browser the
review page's tests drive.

    .venv/bin/python scripts/review_screenshots.py           # docs/review-*.png from corpora/

Ingests corpora/ into a temporary store, serves the review page on 127.0.0.1, reviews a few
claims of one article through the page (accepts one, rejects one, corrects the subject of a
third) and takes screenshots: the article with its text and claims
(``docs/review-article.png``), a claim lit in the text under the pointer with its
correction form open (``docs/review-correct.png``), the events of another article and
their conflicts (``docs/review-events.png``), and the list of articles
(``docs/review-articles.png``). Needs Debian's ``chromium`` and ``chromium-driver``
(``apt-get install chromium chromium-driver``) and selenium (the ``test`` extra); no
browser is downloaded.

:func:`browser` (a Selenium driver of Debian's Chromium) and :func:`serving` (the review
page on a free port, in a thread) are what ``tests/test_review_browser.py`` uses.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
DRIVER_NAMES = ("chromedriver", "chromium-driver")
ARTICLE = "dev3-uk-unsc-west-africa-sahel-2024-08-08"
EVENTS_ARTICLE = "mali-moura-un-report-2023-05-12"  # an event whose reports disagree (negated)


def chromium() -> str | None:
    """The Chromium executable on PATH, or None."""
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def chromedriver() -> str | None:
    """Debian's chromedriver (package chromium-driver) on PATH, or None."""
    return next((found for name in DRIVER_NAMES if (found := shutil.which(name))), None)


def missing() -> str | None:
    """What is missing to drive a browser (None when nothing is)."""
    if chromium() is None:
        return "headless Chromium not installed (apt-get install chromium)"
    if chromedriver() is None:
        return "chromedriver not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed (pip install -e '.[test]')"
    return None


def browser(*, width: int = 1500, height: int = 1100) -> Any:
    """A Selenium driver of the installed Chromium, headless, through the installed
    chromedriver (no Selenium Manager, no download)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver()))
    driver.set_page_load_timeout(60)
    return driver


@contextmanager
def serving(store: str, *, reviewer: str = "analyst") -> Iterator[str]:
    """The review page of ``store`` on 127.0.0.1 (a free port) in a thread; yields its URL."""
    from pipeline import api

    server = api.review_server(store, port=0, reviewer=reviewer)
    server.RequestHandlerClass.log_request = lambda *args, **kwargs: None  # quiet
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        server.app.extensions["sahel_review"].store.close()
        thread.join(timeout=10)


def card(driver: Any, index: int) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, f"c{index}")


def press(driver: Any, index: int, action: str) -> None:
    """Click a claim's Accept or Reject button and wait for the page to come back."""
    from selenium.webdriver.common.by import By

    button = card(driver, index).find_element(By.CSS_SELECTOR, f"button.{action}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    with next_page(driver):
        button.click()


@contextmanager
def next_page(driver: Any) -> Iterator[None]:
    """Wait, after the block, until the page it left is replaced by a loaded one."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    yield
    wait = WebDriverWait(driver, 30)
    wait.until(expected_conditions.staleness_of(old))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def correct(driver: Any, index: int, values: dict[str, str]) -> None:
    """Open a claim's correction form, set its fields (``object_text``...) and save."""
    from selenium.webdriver.common.by import By

    box = card(driver, index)
    details = box.find_element(By.CSS_SELECTOR, "details.correct")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", details)
    if not details.get_attribute("open"):  # open after a refused correction
        details.find_element(By.TAG_NAME, "summary").click()
    for name, value in values.items():
        field = box.find_element(By.CSS_SELECTOR, f"[name$='-{name}']")
        field.clear()
        field.send_keys(value)
    with next_page(driver):
        box.find_element(By.CSS_SELECTOR, "button.save").click()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--article", default=ARTICLE, help="Article reviewed in the screenshots.")
    parser.add_argument("--events-article", default=EVENTS_ARTICLE, help="Article whose events are shown.")
    args = parser.parse_args()
    problem = missing()
    if problem:
        raise SystemExit(problem)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from pipeline import api

    with tempfile.TemporaryDirectory() as tmp:
        store = f"sqlite:///{Path(tmp) / 'claims.db'}"
        api.ingest([ROOT / "corpora"], store=store)
        with serving(store, reviewer="a.analyst") as url:
            driver = browser()
            try:
                driver.get(f"{url}/")
                driver.save_screenshot(str(args.out / "review-articles.png"))
                driver.get(f"{url}/article/{args.article}")
                press(driver, 0, "accept")
                press(driver, 1, "reject")
                # "we call again for his ... release": who is asked to release him is its agent (SPEC 4, rev. 2)
                junta = "National_Council_for_the_Safeguard_of_the_Homeland"
                correct(driver, 2, {"subject_text": "military authorities", "subject_id": junta})
                driver.get(f"{url}/article/{args.article}")
                driver.save_screenshot(str(args.out / "review-article.png"))
                box = card(driver, 3)
                driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", box)
                box.find_element(By.CSS_SELECTOR, "details.correct summary").click()
                ActionChains(driver).move_to_element(box).perform()
                driver.save_screenshot(str(args.out / "review-correct.png"))
                driver.get(f"{url}/article/{args.events_article}")
                shown = (
                    driver.find_elements(By.CSS_SELECTOR, "#events-table tr.conflict")
                    or [driver.find_element(By.ID, "events")]
                )[0]
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", shown)
                driver.save_screenshot(str(args.out / "review-events.png"))
            finally:
                driver.quit()
    for name in ("articles", "article", "correct", "events"):
        print(f"wrote {args.out / f'review-{name}.png'}")


if __name__ == "__main__":
    main()
