"""Shared by the benchmark children that use the app: sample data and timing helpers."""

from __future__ import annotations

import os
import random
import re
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.categories import COURTESY_TITLES, Category
from desktop.domain.contacts import ContactCard

# The floor for reading the list: the query list_contacts() runs, in plain SQL.
LIST_SQL = "SELECT * FROM contact ORDER BY lower(family_name), lower(given_name), id"

# A fixed moment so that every run stores and renders the same dates.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


def fixed_now() -> datetime:
    return NOW


def timed(function: Callable[[], object]) -> float:
    """Seconds one call of ``function`` takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def ensure_offscreen() -> None:
    """No display is needed or wanted; the parent sets this too, this is for direct runs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def copy_data_dir(template: Path, target: Path) -> Path:
    """A fresh copy of a prepared data directory, so every run starts from the same state."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target


# -- realistic, varied cards ----------------------------------------------------------------
_GIVEN = (  # noqa: SIM905 - a word list reads better as prose
    "Dana Aiden Amélie Ana Anders Bea Björn Carlos Chen Chioma Dmitri Elif Emma Fatima "
    "François Grace Hana Hiro Ibrahim Inès Isabel Jamal Jana João Kai Kwame Lars Laura Leila "
    "Liam Lucía Mai Marek Maria Mateo Mei Mohammed Nadia Noah Nora Olga Omar Paolo Priya "
    "Rafael Ravi Renée Rosa Sanjay Sara Sean Siobhán Sofia Søren Tomás Wei Yuki Zoë"
).split()
_FAMILY = (  # noqa: SIM905 - a word list reads better as prose
    "Davis Smith Johnson Müller García Martínez Nguyen Kim O'Brien Kowalski Rossi Silva "
    "Dubois van der Berg Andersson Nakamura Okafor Patel Singh Hernández Lopez Wilson Brown "
    "Taylor Anderson Thomas Jackson White Harris Martin Thompson Moore Young Allen Wright "
    "Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans "
    "Turner Torres Parker Collins Edwards Stewart Flores Morris Murphy Cook Rogers Morgan "
    "Peterson Cooper Reed Bailey Bell Gómez Kelly Howard Ward Cox Díaz Richardson Wood Watson "
    "Brooks Bennett Gray James Reyes Cruz Hughes Price Myers Long Foster Sanders Ross Morales "
    "Powell Sullivan Russell Ortiz Jenkins Gutiérrez Perry Butler Barnes Fisher Henderson "
    "Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kowalczyk Ivanova Schmidt "
    "Lefèvre Haddad Mensah Y\u0131lmaz Novák Horváth Lindqvist"
).split()
_TITLES = (
    "Engineering Manager",
    "Senior Recruiter",
    "Director of Product",
    "Talent Acquisition Partner",
    "VP Engineering",
    "Staff Software Engineer",
    "Head of Design",
    "HR Business Partner",
    "Chief Technology Officer",
    "Program Manager",
    "Data Scientist",
    "Operations Lead",
    "",
)
_DEPARTMENTS = ("Platform Engineering", "People", "Product", "Sales", "Research", "", "", "")
_COMPANIES = (
    "Northwind Traders",
    "Contoso Ltd.",
    "Fabrikam, Inc.",
    "Adventure Works",
    "Tailspin Toys",
    "Wide World Importers",
    "Litware",
    "Proseware, Inc.",
    "Lucerne Publishing",
    "Margie's Travel",
    "Alpine Ski House",
    "Blue Yonder Airlines",
    "City Power & Light",
    "Coho Winery",
    "Consolidated Messenger",
    "Graphic Design Institute",
    "Humongous Insurance",
    "Woodgrove Bank",
    "",
)
_CITIES = (
    ("Springfield", "IL", "62701"),
    ("Portland", "OR", "97201"),
    ("Austin", "TX", "73301"),
    ("Boston", "MA", "02108"),
    ("Denver", "CO", "80202"),
    ("Seattle", "WA", "98101"),
    ("Raleigh", "NC", "27601"),
    ("Madison", "WI", "53703"),
    ("", "", ""),
)
_STREETS = ("Main St", "Oak Ave", "Market Street", "Elm Road", "Harbor Blvd", "Pine Lane")
_EVENTS = (
    "the spring job fair",
    "PyCon US",
    "an informational interview",
    "the alumni mixer",
    "the Tuesday job club",
    "a panel interview",
    "",
    "",
)
_NOTE_WORDS = (  # noqa: SIM905 - a word list reads better as prose
    "follow up about the platform team opening; mentioned a referral bonus; prefers email; "
    "hiring freeze until Q3; ask about the data role; sent portfolio; coffee next month; "
    "knows the hiring manager at Contoso; met through Sara; wants a short summary first"
).split()


def sample_cards(count: int, seed: int = 20261125) -> Iterator[ContactCard]:
    """``count`` valid, deterministic, varied business cards (accents, blanks, long notes)."""
    rng = random.Random(seed)
    categories = list(Category)
    for index in range(count):
        given = rng.choice(_GIVEN) if rng.random() > 0.03 else ""
        family = rng.choice(_FAMILY) if rng.random() > 0.05 or not given else ""
        city, region, postal = rng.choice(_CITIES)
        company = rng.choice(_COMPANIES)
        domain = (re.sub(r"[^a-z]", "", company.split(" ")[0].lower()) or "example") + ".com"
        local = f"{given or 'contact'}.{family or index}".lower().replace(" ", "").replace("'", "")
        local = local.encode("ascii", "ignore").decode() or f"contact{index}"
        notes_len = rng.choice((0, 0, 5, 12, 40))
        yield ContactCard(
            courtesy_title=rng.choice(COURTESY_TITLES),
            given_name=given,
            family_name=family,
            job_title=rng.choice(_TITLES),
            company=company,
            department=rng.choice(_DEPARTMENTS),
            email=f"{local}{index}@{domain}" if rng.random() > 0.1 else "",
            phone=(
                f"({rng.randint(200, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
                if rng.random() > 0.2
                else ""
            ),
            street=f"{rng.randint(1, 9999)} {rng.choice(_STREETS)}" if city else "",
            city=city,
            region=region,
            postal_code=postal,
            country="" if rng.random() > 0.1 else "Canada",
            category=rng.choice(categories).value,
            met_at=rng.choice(_EVENTS),
            notes=" ".join(rng.choice(_NOTE_WORDS) for _ in range(notes_len)),
        )


def created_at(index: int) -> datetime:
    """Spread the stored contacts over the two years before ``NOW``."""
    return NOW - timedelta(minutes=37 * index)
