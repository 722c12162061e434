"""The dataset page: escaped source text, and a real headless browser clicking a row."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from etl.build import build
from etl.page import write_page
from tests.conftest import register

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
HOSTILE = "The court sentenced Orlov <script>alert('x')</script> to ten years imprisonment.\n"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """A release of the seeds plus a hostile text, with its page."""
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(Path(__file__).parent.parent / "seeds", project / "seeds")
    text = project / "hostile.txt"
    text.write_text(HOSTILE, encoding="utf-8")
    register(project, text, "hostile", title="<b>Hostile</b>")
    release = build(dist=project / "dist", root=project).release
    return write_page(release, project)


def test_source_text_is_escaped(page: Path):
    html = page.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "\\u003cscript\\u003ealert" in html  # kept as text in the embedded JSON
    assert "&lt;b&gt;Hostile&lt;/b&gt;" in html


@pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver "
    "(.ci/run installs them)",
)
def test_page_in_headless_chromium(page: Path, tmp_path: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        driver.get(page.as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "#r-sentences tbody tr")
        sentences = pd.read_parquet(page.parent / "data" / "sentences.parquet")
        assert len(rows) == len(sentences)
        # The first sentence row as published; its "show" link must highlight its quote.
        first = sentences.iloc[0]
        # A click through the page's own handler (the sticky panel may cover the link).
        driver.execute_script("arguments[0].click()", rows[0].find_element(By.CSS_SELECTOR, "a.ev"))
        mark = driver.find_element(By.CSS_SELECTOR, "#ev-text mark")
        assert mark.text == first.quote.strip()
        assert first.source_id in rows[0].text
        hostile = driver.find_element(By.XPATH, "//td[contains(., 'hostile')]/..//a[@class='ev']")
        driver.execute_script("arguments[0].click()", hostile)
        assert "<script>alert('x')</script>" in driver.find_element(By.ID, "ev-text").text
        severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert severe == []
        driver.save_screenshot(str(tmp_path / "page.png"))
        assert (tmp_path / "page.png").stat().st_size > 10_000
    finally:
        driver.quit()
