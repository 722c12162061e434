"""The dataset page: escaped source text, a small first view, and a real headless browser
reading the overview, a chart, a person page and a filtered table."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from etl.build import build
from etl.project import Project
from etl.publish.release import make_release
from tests.conftest import REPO, register

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
HOSTILE = "The court sentenced Orlov <script>alert('x')</script> to ten years imprisonment.\n"
# Screenshots for review: kept after the test run (not in a temporary folder).
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS", REPO.root / ".cache" / "screenshots"))
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver "
    "(.ci/run installs them)",
)


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    """A release of the seeds plus a hostile text, with its artefacts (page included)."""
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(REPO.seeds, project / "seeds")
    shutil.copytree(REPO.root / "docs", project / "docs")  # the contract the copies quote
    text = project / "hostile.txt"
    text.write_text(HOSTILE, encoding="utf-8")
    register(project, text, "hostile", title="<b>Hostile</b>")
    folder = build(Project(project), dist=project / "dist").release
    make_release(folder.name, project / "dist", Project(project))
    return folder


def test_source_text_is_escaped_everywhere(release: Path):
    pages = [*release.glob("*.html"), *release.glob("persons/*.html")]
    scripts = [*release.glob("*.js"), *release.glob("tables/*.js")]
    for path in pages + scripts:
        assert "<script>alert" not in path.read_text(encoding="utf-8"), path.name
    assert "&lt;b&gt;Hostile&lt;/b&gt;" in (release / "index.html").read_text(encoding="utf-8")
    assert "\\u003cscript\\u003ealert" in (release / "texts.js").read_text(encoding="utf-8")


def test_first_view_is_small_and_needs_no_data_tables(release: Path):
    index = (release / "index.html").read_text(encoding="utf-8")
    first_view = [release / "index.html", release / "style.css", *release.glob("charts/*.svg")]
    assert sum(p.stat().st_size for p in first_view) < 300_000
    assert "texts.js" not in index and 'src="tables/' not in index  # loaded when asked for
    assert (release / "data-contract.md").read_text(encoding="utf-8").startswith("# Data contract")


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        "--window-size=1300,1100",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, css: str):
    """The first element matching css, once a script loaded on demand has put it there."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))[0]


def no_console_errors(driver) -> None:
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


@needs_chromium
def test_overview_shows_counts_sources_and_a_chart_with_its_caption(browser, release: Path):
    from selenium.webdriver.common.by import By

    browser.get((release / "index.html").as_uri())
    assert "claims with their evidence" in browser.find_element(By.TAG_NAME, "h1").text
    cards = {
        c.text.split("\n")[1]: c.text.split("\n")[0]
        for c in browser.find_elements(By.CSS_SELECTOR, ".card")
    }
    sentences = pd.read_parquet(release / "data" / "sentences.parquet")
    assert cards["sentences"] == f"{len(sentences):,}"
    assert len(browser.find_elements(By.CSS_SELECTOR, "h2#sources + p + table tr")) > 5
    chart = browser.find_element(By.CSS_SELECTOR, "#chart-expulsions img")
    assert browser.execute_script("return arguments[0].naturalWidth", chart) > 300
    caption = browser.find_element(By.CSS_SELECTOR, "#chart-expulsions figcaption")
    assert caption.text.startswith("Figure 1. People expelled")
    assert browser.find_element(By.CSS_SELECTOR, "#chart-sentences figcaption").text
    browser.save_screenshot(str(SCREENSHOTS / "overview.png"))
    # The caption's link leads to the rows behind the chart.
    caption.find_element(By.TAG_NAME, "a").click()
    wait_for(browser, "#table tbody tr")
    count = browser.find_element(By.ID, "count").text
    assert count.split(" of ")[0] != "0"
    assert browser.find_element(By.ID, "filter").get_attribute("value") == "expelled"
    no_console_errors(browser)


@needs_chromium
def test_person_page_sets_sources_side_by_side_with_quotes_in_their_paragraphs(
    browser, release: Path
):
    from selenium.webdriver.common.by import By

    browser.get((release / "persons" / "zinoviev.html").as_uri())
    sources = {
        s.get_attribute("data-source") for s in browser.find_elements(By.CSS_SELECTOR, ".src")
    }
    assert len(sources) >= 2
    sentences = pd.read_parquet(release / "data" / "sentences.parquet")
    quotes = set(sentences[sentences.person_id == "zinoviev"].quote.str.strip())
    marks = {m.text.strip() for m in browser.find_elements(By.CSS_SELECTOR, "blockquote mark")}
    assert quotes <= marks
    assert browser.find_elements(By.CSS_SELECTOR, ".disagree")  # exile vs imprisonment
    browser.save_screenshot(str(SCREENSHOTS / "person.png"))
    # The person list of the overview links to every person page.
    browser.get((release / "index.html").as_uri())
    links = browser.find_elements(By.CSS_SELECTOR, "#persons + p + ul a")
    assert len(links) == len(pd.read_parquet(release / "data" / "persons.parquet"))
    no_console_errors(browser)


@needs_chromium
def test_tables_are_filtered_paged_and_show_evidence(browser, release: Path):
    from selenium.webdriver.common.by import By

    browser.get((release / "tables.html").as_uri() + "#sentences")
    sentences = pd.read_parquet(release / "data" / "sentences.parquet")
    wait_for(browser, "#table tbody tr")
    assert browser.find_element(By.ID, "count").text.startswith(f"{len(sentences)} of")
    box = browser.find_element(By.ID, "filter")
    box.send_keys("zinoviev death")
    wanted = sentences[
        sentences.apply(
            lambda r: all(w in " ".join(map(str, r.values)).lower() for w in ("zinoviev", "death")),
            axis=1,
        )
    ]
    rows = browser.find_elements(By.CSS_SELECTOR, "#table tbody tr")
    assert len(rows) == len(wanted) > 0
    assert browser.find_element(By.ID, "count").text.startswith(f"{len(wanted)} of")
    browser.execute_script("arguments[0].click()", rows[0].find_element(By.CSS_SELECTOR, "a.ev"))
    mark = wait_for(browser, "#ev-text mark")
    assert mark.text == wanted.iloc[0].quote.strip()
    browser.save_screenshot(str(SCREENSHOTS / "tables.png"))
    # Paging: 2,000+ mentions, 50 a page (a fresh load: a new hash alone keeps the filter).
    browser.get("about:blank")
    browser.get((release / "tables.html").as_uri() + "#mentions")
    wait_for(browser, "#table tbody tr")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#table tbody tr")) == 50
    browser.find_element(By.ID, "next").click()
    assert "page 2 of" in browser.find_element(By.ID, "count").text
    no_console_errors(browser)


@needs_chromium
def test_hostile_source_text_is_shown_as_text(browser, release: Path):
    from selenium.webdriver.common.by import By

    sentences = pd.read_parquet(release / "data" / "sentences.parquet")
    person = sentences[sentences.source_id == "hostile"].person_id.iloc[0]
    browser.get((release / "persons" / f"{person}.html").as_uri())
    passages = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "blockquote.ev")]
    assert any("<script>alert('x')</script>" in p for p in passages)
    browser.get((release / "tables.html").as_uri() + "#sentences/hostile")
    link = wait_for(browser, "#table tbody a.ev")
    browser.execute_script("arguments[0].click()", link)
    wait_for(browser, "#ev-text mark")
    assert "<script>alert('x')</script>" in browser.find_element(By.ID, "ev-text").text
    assert "Hostile" in browser.find_element(By.ID, "ev-where").text
    no_console_errors(browser)
